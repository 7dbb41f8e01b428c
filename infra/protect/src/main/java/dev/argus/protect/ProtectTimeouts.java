package dev.argus.protect;

import java.time.Duration;

/**
 * @param connect connecting and the TLS handshake
 * @param request one HTTP request (login, bootstrap, snapshot)
 * @param export one clip export (the controller cuts it first: slower)
 * @param receive the updates websocket may be silent this long before the session reconnects
 */
public record ProtectTimeouts(
    Duration connect, Duration request, Duration export, Duration receive) {

  public static ProtectTimeouts defaults() {
    return new ProtectTimeouts(
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60));
  }
}
