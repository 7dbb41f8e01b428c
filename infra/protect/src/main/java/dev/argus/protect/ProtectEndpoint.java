package dev.argus.protect;

/**
 * Where a controller is and how to log in. {@link #toString} never shows the password.
 *
 * @param host a host name or address, no scheme
 * @param port the HTTPS port (443 on a real controller)
 * @param verifySsl whether the controller's certificate must be trusted by the JVM's trust store;
 *     off accepts any certificate (most controllers have a self-signed one)
 */
public record ProtectEndpoint(
    String host, int port, String username, String password, boolean verifySsl) {

  @Override
  public String toString() {
    return "ProtectEndpoint["
        + username
        + "@"
        + host
        + ":"
        + port
        + ", verifySsl="
        + verifySsl
        + "]";
  }
}
