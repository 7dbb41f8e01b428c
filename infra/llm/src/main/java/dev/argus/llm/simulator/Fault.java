package dev.argus.llm.simulator;

/** What can go wrong with a simulated model's answer. */
public enum Fault {
  NONE(0),
  /** HTTP 401 with the provider's authentication error body. */
  UNAUTHORIZED(401),
  /** HTTP 429 with the provider's rate-limit error body. */
  RATE_LIMITED(429),
  /** HTTP 500 with the provider's server error body. */
  SERVER_ERROR(500),
  /** HTTP 503, the body of an unavailable service (also what a {@link DownWindow} answers). */
  UNAVAILABLE(503),
  /** HTTP 529, Anthropic's {@code overloaded_error} (the same status on any protocol). */
  OVERLOADED(529),
  /**
   * After half of the chunks, an error in the stream: Anthropic's {@code error} event ({@code
   * overloaded_error}), an {@code {"error": ...}} chunk or line on the other protocols.
   */
  MID_STREAM_ERROR(0),
  /** After half of the chunks the connection is dropped, without the stream's end. */
  CUT_STREAM(0),
  /**
   * HTTP 200 with a body that is not the protocol's answer (an HTML page, as a captive portal or a
   * misrouted proxy sends): a client must report it, not break on it.
   */
  GARBAGE(0),
  /** Never answers: no headers, no bytes, until the client gives up or the server stops. */
  HANG(0);

  private final int status;

  Fault(int status) {
    this.status = status;
  }

  /** The HTTP status this fault answers with, or 0 when it is not an HTTP error. */
  public int status() {
    return status;
  }
}
