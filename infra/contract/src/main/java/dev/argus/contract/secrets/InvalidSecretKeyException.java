package dev.argus.contract.secrets;

/** {@code ARGUS_SECRET_KEY} is missing or malformed; the message says what to fix. */
public final class InvalidSecretKeyException extends IllegalArgumentException {

  InvalidSecretKeyException(String message) {
    super(message);
  }
}
