package dev.argus.api.system;

import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring's handshake, with its refusals of a request that is not a WebSocket upgrade answered as
 * every other error of the api, {@code {"detail": ...}}, rather than as plain text. Each WebSocket
 * says in {@code notAWebSocket} where its HTTP counterpart is.
 */
public final class JsonHandshakeHandler extends DefaultHandshakeHandler {

  private final JsonMapper json;
  private final String notAWebSocket;

  /**
   * @param notAWebSocket the detail for a plain HTTP request, e.g. {@code "This is a WebSocket:
   *     open it with a WebSocket client (Upgrade: websocket); …"}
   */
  public JsonHandshakeHandler(JsonMapper json, String notAWebSocket) {
    this.json = json;
    this.notAWebSocket = notAWebSocket;
  }

  @Override
  protected void handleInvalidUpgradeHeader(ServerHttpRequest request, ServerHttpResponse response)
      throws IOException {
    refuse(response, notAWebSocket);
  }

  @Override
  protected void handleInvalidConnectHeader(ServerHttpRequest request, ServerHttpResponse response)
      throws IOException {
    refuse(response, "A WebSocket handshake needs the header Connection: Upgrade");
  }

  private void refuse(ServerHttpResponse response, String detail) throws IOException {
    response.setStatusCode(HttpStatus.BAD_REQUEST);
    response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
    response.getBody().write(json.writeValueAsBytes(new ErrorBody(detail)));
  }
}
