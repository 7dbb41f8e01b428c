package dev.argus.collector.power.discovery;

/**
 * The NUT server whose UPSes the runtime configuration asks the collector to discover ({@code
 * nut_host}, {@code nut_port}, {@code nut_username}, {@code nut_password}).
 *
 * @param password never logged: {@link #toString()} masks it
 */
public record NutServer(String host, int port, String username, String password) {

  @Override
  public String toString() {
    return "NutServer[host="
        + host
        + ", port="
        + port
        + ", username="
        + username
        + ", password="
        + (password == null ? null : "***")
        + "]";
  }
}
