package dev.argus.api.live;

import dev.argus.api.system.ErrorBody;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the optional subscription filter of the handshake, {@code
 * types=event.created,camera.status} (comma-separated, or the parameter repeated); without it a
 * client gets every type. An unknown type refuses the handshake with 422 naming it, before any
 * message is sent.
 */
final class LiveTypesInterceptor implements HandshakeInterceptor {

  static final String TYPES = "argus.live.types";

  private final JsonMapper json;

  LiveTypesInterceptor(JsonMapper json) {
    this.json = json;
  }

  @Override
  public boolean beforeHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Map<String, Object> attributes)
      throws Exception {
    List<String> values =
        UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().get("types");
    Set<LiveType> types = EnumSet.noneOf(LiveType.class);
    if (values == null) {
      types = EnumSet.allOf(LiveType.class);
    } else {
      for (String value : values) {
        for (String name :
            UriUtils.decode(value == null ? "" : value, StandardCharsets.UTF_8).split(",", -1)) {
          Optional<LiveType> type = LiveType.fromWireName(name.strip());
          if (type.isEmpty()) {
            refuse(response, name);
            return false;
          }
          types.add(type.get());
        }
      }
    }
    attributes.put(TYPES, types);
    return true;
  }

  @Override
  public void afterHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Exception exception) {}

  @SuppressWarnings("unchecked")
  static Set<LiveType> typesOf(WebSocketSession session) {
    Object types = session.getAttributes().get(TYPES);
    return types instanceof Set<?> set ? (Set<LiveType>) set : EnumSet.allOf(LiveType.class);
  }

  private void refuse(ServerHttpResponse response, String name) throws java.io.IOException {
    response.setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
    response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
    response
        .getBody()
        .write(
            json.writeValueAsBytes(
                new ErrorBody(
                    "types: unknown message type '"
                        + name
                        + "'; use a comma-separated list of "
                        + LiveType.wireNames())));
  }
}
