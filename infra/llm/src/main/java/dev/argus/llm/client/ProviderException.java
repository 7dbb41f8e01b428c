package dev.argus.llm.client;

/**
 * A provider refused or failed a non-measured call (a model listing). The message is the provider's
 * own error where it gave one, prefixed with the HTTP status.
 */
public final class ProviderException extends Exception {

  private final Integer httpStatus;

  public ProviderException(String message, Integer httpStatus) {
    super(message);
    this.httpStatus = httpStatus;
  }

  /** The HTTP status of the failed answer, or null when there was none (timeout, refused). */
  public Integer httpStatus() {
    return httpStatus;
  }
}
