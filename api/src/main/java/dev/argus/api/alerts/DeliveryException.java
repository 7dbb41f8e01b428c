package dev.argus.api.alerts;

/**
 * A notification that did not go out. {@code retryable} is false when trying again cannot help (the
 * provider refused the request, e.g. HTTP 400 or bad SMTP credentials, or the destination is
 * forbidden). The message never contains a secret: tokens travel in URLs and headers only.
 */
final class DeliveryException extends Exception {

  private final boolean retryable;

  DeliveryException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  boolean retryable() {
    return retryable;
  }
}
