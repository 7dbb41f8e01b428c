package dev.argus.contract.net;

/**
 * A destination Argus refuses to connect to; the message starts with the field that named it and
 * says which address it is and why, ready to be a 422's detail or a failed probe's error.
 */
public final class UnsafeDestinationException extends RuntimeException {

  public UnsafeDestinationException(String detail) {
    super(detail);
  }
}
