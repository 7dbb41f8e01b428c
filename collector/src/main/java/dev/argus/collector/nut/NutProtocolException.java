package dev.argus.collector.nut;

/**
 * The server answered something that is not the NUT protocol: a line that cannot be parsed, a list
 * that ends early or never ends, a line that is too long. Usually the port is not upsd's.
 */
public final class NutProtocolException extends NutException {

  public NutProtocolException(String message) {
    super(message);
  }
}
