package dev.argus.collector.nut;

import java.io.IOException;

/**
 * Talking to a NUT server failed: it could not be reached, did not answer in time, closed the
 * connection, answered with an {@code ERR} line ({@link NutServerError}) or with something that is
 * not the NUT protocol ({@link NutProtocolException}). The message is meant for operators: it names
 * the server or the request and is published as the error of a failed poll.
 */
public class NutException extends IOException {

  public NutException(String message) {
    super(message);
  }

  public NutException(String message, Throwable cause) {
    super(message, cause);
  }
}
