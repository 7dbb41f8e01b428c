package dev.argus.api.live;

import dev.argus.api.system.JsonHandshakeHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers {@code WS /ws}. Any origin may open it: it is authenticated by an API key the client
 * presents itself (header or query parameter), never by a cookie a browser would send on its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class LiveConfiguration implements WebSocketConfigurer {

  private final LiveHub hub;
  private final JsonMapper json;

  LiveConfiguration(LiveHub hub, JsonMapper json) {
    this.hub = hub;
    this.json = json;
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    registry
        .addHandler(hub, "/ws")
        .addInterceptors(new LiveTypesInterceptor(json))
        .setHandshakeHandler(
            new JsonHandshakeHandler(
                json,
                "This is a WebSocket: open it with a WebSocket client (Upgrade: websocket) for"
                    + " event.created, event.updated, camera.status and notification.new messages"))
        .setAllowedOriginPatterns("*");
  }
}
