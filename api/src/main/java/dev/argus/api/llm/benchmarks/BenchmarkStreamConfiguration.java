package dev.argus.api.llm.benchmarks;

import dev.argus.api.system.JsonHandshakeHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers the benchmark WebSocket. Any origin may open it: it is authenticated by an API key the
 * client presents itself (header or query parameter), never by a cookie a browser would send on its
 * own, so a foreign page gains nothing from connecting.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class BenchmarkStreamConfiguration implements WebSocketConfigurer {

  private final BenchmarkStreamHandler handler;
  private final JsonMapper json;

  BenchmarkStreamConfiguration(BenchmarkStreamHandler handler, JsonMapper json) {
    this.handler = handler;
    this.json = json;
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    registry
        .addHandler(handler, "/api/v1/benchmarks/*/stream")
        .setHandshakeHandler(
            new JsonHandshakeHandler(
                json,
                "This is a WebSocket: open it with a WebSocket client (Upgrade: websocket); the"
                    + " run's state over HTTP is GET /api/v1/benchmarks/{id}"))
        .setAllowedOriginPatterns("*");
  }
}
