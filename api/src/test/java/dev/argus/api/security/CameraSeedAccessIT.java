package dev.argus.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The access rules of the camera seed's routes: cameras and AI ({@code read:cameras} / {@code
 * write:cameras}), events ({@code read:events}; deleting and re-analysing {@code write:cameras}),
 * system (health: any valid key; reads {@code read:cameras}; writes {@code admin}), Protect (as
 * cameras), {@code /ws} (any valid key, also as {@code api_key} on the upgrade) and {@code /redoc}
 * (public). Each is tried without a key (401), with a key lacking the scope (403) and with the
 * scope (neither). Routes another feature serves may answer 404 here; the rule is what is tested.
 */
class CameraSeedAccessIT extends SecuredApiTest {

  @Autowired private AccessRules rules;

  private String readCameras;
  private String writeCameras;
  private String readEvents;

  @BeforeEach
  void keysWithOneScopeEach() {
    readCameras = key("read:cameras");
    writeCameras = key("write:cameras");
    readEvents = key("read:events");
  }

  @Test
  void camerasAreReadWithReadCamerasAndChangedWithWriteCameras() {
    String body =
        "{\"name\": \"access-"
            + UUID.randomUUID()
            + "\", \"type\": \"usb\", \"device_path\": \"/dev/video0\"}";

    assertRefused("GET", "/api/v1/cameras", null, readEvents, "read:cameras");
    assertAllowed("GET", "/api/v1/cameras", null, readCameras);
    assertRefused("GET", "/api/v1/cameras", null, writeCameras, "read:cameras");
    assertRefused("POST", "/api/v1/cameras", body, readCameras, "write:cameras");
    assertThat(as(writeCameras, "POST", "/api/v1/cameras", body).status()).isEqualTo(201);
    assertRefused("POST", "/api/v1/cameras/test", body, readCameras, "write:cameras");
    String some = "/api/v1/cameras/" + UUID.randomUUID();
    assertRefused("PUT", some, "{}", readCameras, "write:cameras");
    assertRefused("DELETE", some, null, readCameras, "write:cameras");
    assertRefused("POST", some + "/start", null, readCameras, "write:cameras");
    assertAllowed("POST", some + "/stop", null, writeCameras);
  }

  @Test
  void eventsAreReadWithReadEventsAndDeletedOrReanalysedWithWriteCameras() {
    String some = "/api/v1/events/" + UUID.randomUUID();

    assertAllowed("GET", "/api/v1/events", null, readEvents);
    assertAllowed("GET", "/api/v1/events/stats", null, readEvents);
    assertAllowed("GET", some, null, readEvents);
    assertRefused("GET", "/api/v1/events", null, readCameras, "read:events");
    assertRefused("DELETE", some, null, readEvents, "write:cameras");
    assertAllowed("DELETE", some, null, writeCameras);
    assertRefused("POST", some + "/reanalyse", "{}", readEvents, "write:cameras");
    assertAllowed("POST", some + "/reanalyse", "{}", writeCameras);
  }

  @Test
  void aiIsReadWithReadCamerasAndDescribingNeedsWriteCameras() {
    assertAllowed("GET", "/api/v1/ai/providers", null, readCameras);
    assertRefused("GET", "/api/v1/ai/usage", null, readEvents, "read:cameras");
    assertRefused("POST", "/api/v1/ai/describe", "{}", readCameras, "write:cameras");
    assertAllowed("POST", "/api/v1/ai/refine-prompt", "{}", writeCameras);
  }

  @Test
  void systemHealthTakesAnyKeyReadsReadCamerasAndSettingsAdmin() {
    assertAllowed("GET", "/api/v1/system/health", null, readEvents);
    assertRefused("GET", "/api/v1/system/settings", null, readEvents, "read:cameras");
    assertAllowed("GET", "/api/v1/system/storage", null, readCameras);
    assertRefused("PUT", "/api/v1/system/settings", "{}", writeCameras, "admin");
    assertAllowed("PUT", "/api/v1/system/settings", "{}", BOOTSTRAP);
  }

  @Test
  void protectTakesTheCameraScopes() {
    assertRefused("GET", "/api/v1/protect/controllers", null, readEvents, "read:cameras");
    assertAllowed("GET", "/api/v1/protect/controllers", null, readCameras);
    assertRefused("POST", "/api/v1/protect/controllers", "{}", readCameras, "write:cameras");
    assertRefused("POST", "/api/v1/protect/controllers/test", "{}", readCameras, "write:cameras");
    assertAllowed("POST", "/api/v1/protect/controllers", "{}", writeCameras);
    assertAllowed("GET", "/api/v1/protect/controllers", null, BOOTSTRAP);
  }

  @Test
  void theLiveSocketTakesAnyValidKeyAlsoAsAQueryParameterOnTheUpgrade() {
    // Without a key, or with the key in the query of a plain GET: refused
    assertThat(raw.send("GET", "/ws", null, null).status()).isEqualTo(401);
    assertThat(raw.send("GET", "/ws?api_key=" + readEvents, null, null).status()).isEqualTo(401);
    // Any valid key in the header, or in the query of a WebSocket upgrade
    assertThat(raw.send("GET", "/ws", readEvents, null).status()).isNotIn(401, 403);
    assertThat(upgradeStatus("/ws?api_key=" + readEvents)).isNotIn(401, 403);
    assertThat(upgradeStatus("/ws?api_key=" + WRONG_KEY)).isEqualTo(401);
    assertThat(upgradeStatus("/ws")).isEqualTo(401);
  }

  @Test
  void redocIsPublicLikeTheOtherDocumentation() {
    assertThat(raw.send("GET", "/redoc", null, null).status()).isNotIn(401, 403);
    assertThat(rules.isPublic(new MockHttpServletRequest("GET", "/redoc"))).isTrue();
    assertThat(rules.isPublic(new MockHttpServletRequest("GET", "/redoc/redoc.standalone.js")))
        .isTrue();
    assertThat(rules.isPublic(new MockHttpServletRequest("POST", "/redoc"))).isFalse();
    assertThat(rules.isPublic(new MockHttpServletRequest("GET", "/ws"))).isFalse();
  }

  /** 401 without a key and 403 with {@code key}, each with the camera seed's error body. */
  private void assertRefused(String method, String path, String body, String key, String scope) {
    Response anonymous = api.send(method, path, body);
    assertThat(anonymous.status()).as("%s %s without a key", method, path).isEqualTo(401);
    assertThat(anonymous.body())
        .isEqualTo("{\"detail\":\"Missing API key in x-api-key header\",\"status_code\":401}");
    Response refused = as(key, method, path, body);
    assertThat(refused.status()).as("%s %s: %s", method, path, refused.body()).isEqualTo(403);
    assertThat(refused.body())
        .isEqualTo(
            "{\"detail\":\"This API key lacks the '" + scope + "' scope\",\"status_code\":403}");
  }

  private void assertAllowed(String method, String path, String body, String key) {
    Response response = as(key, method, path, body);
    assertThat(response.status()).as("%s %s: %s", method, path, response.body()).isNotIn(401, 403);
  }

  private Response as(String key, String method, String path, String body) {
    return api.send(method, path, body, "x-api-key", key);
  }

  private String key(String scope) {
    return created(
            "/api/v1/api-keys", "{\"name\": \"" + scope + "\", \"scopes\": [\"" + scope + "\"]}")
        .json()
        .path("key")
        .asString();
  }

  /** The status of a WebSocket upgrade request (java.net.http cannot send the Upgrade header). */
  private int upgradeStatus(String target) {
    String request =
        "GET "
            + target
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
            + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder statusLine = new StringBuilder();
      for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
        statusLine.append((char) c);
      }
      return Integer.parseInt(statusLine.toString().split(" ")[1]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
