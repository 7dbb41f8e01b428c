package dev.argus.llm.client;

/**
 * The outcome of one non-streamed request ({@link ProviderClient#send}): the answer's body, or why
 * there is none and whether trying again may help.
 *
 * @param httpStatus the answer's status, or null when none came (timeout, refused connection,
 *     refused address)
 * @param body the answer's text when the status was 2xx, else null
 * @param error the provider's own words for the failure (as {@link ProbeMeasurement#error()} words
 *     them), null on success
 * @param retryable whether the same request may succeed later: 429, 5xx, a timeout or a failed
 *     connection; never another 4xx, a refused address or a spec that cannot work
 * @param latencyMs from handing the request to the HTTP client to the body's last byte (or the
 *     failure)
 */
public record ProviderReply(
    Integer httpStatus, String body, String error, boolean retryable, long latencyMs) {

  public boolean success() {
    return error == null;
  }

  static ProviderReply answered(int status, String body, long latencyMs) {
    return new ProviderReply(status, body, null, false, latencyMs);
  }

  static ProviderReply failed(Integer status, String error, boolean retryable, long latencyMs) {
    return new ProviderReply(status, null, error, retryable, latencyMs);
  }

  /** 429 (rate limited) and 5xx (the server's trouble, Anthropic's 529 included). */
  static boolean retryableStatus(int status) {
    return status == 429 || status >= 500;
  }
}
