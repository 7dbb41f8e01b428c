package dev.argus.collector.probe;

/** A tcp target's {@code host:port}; an IPv6 address is written in brackets, {@code [::1]:22}. */
record HostPort(String host, int port) {

  static HostPort parse(String address) {
    if (address == null || address.isBlank()) {
      throw new IllegalArgumentException("tcp address is empty; expected host:port");
    }
    String trimmed = address.trim();
    int colon = trimmed.lastIndexOf(':');
    if (colon <= 0 || colon == trimmed.length() - 1) {
      throw new IllegalArgumentException("tcp address '" + address + "' is not host:port");
    }
    String host = trimmed.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw new IllegalArgumentException(
          "tcp address '" + address + "': write an IPv6 address in brackets, e.g. [::1]:22");
    }
    int port;
    try {
      port = Integer.parseInt(trimmed.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("tcp address '" + address + "' has no numeric port");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "tcp address '" + address + "': port must be between 1 and 65535");
    }
    return new HostPort(host, port);
  }

  @Override
  public String toString() {
    return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
  }
}
