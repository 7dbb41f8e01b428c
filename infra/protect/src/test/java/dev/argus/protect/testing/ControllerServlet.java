package dev.argus.protect.testing;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The loopback controller's routes; see {@link LoopbackProtectController}. */
final class ControllerServlet extends HttpServlet {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern SNAPSHOT =
      Pattern.compile("/proxy/protect/api/cameras/([^/]+)/snapshot");

  private transient volatile LoopbackProtectController controller;

  void attach(LoopbackProtectController controller) {
    this.controller = controller;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!request.getRequestURI().equals("/api/auth/login")) {
      json(response, 404, Map.of("error", "not found"));
      return;
    }
    String username;
    String password;
    try {
      JsonNode body = JSON.readTree(request.getInputStream());
      username = body.path("username").asString(null);
      password = body.path("password").asString(null);
    } catch (JacksonException e) {
      json(response, 400, Map.of("error", "the body is not JSON"));
      return;
    }
    String token = controller.logIn(username, password);
    if (token == null) {
      json(
          response,
          401,
          Map.of(
              "code", "AUTHENTICATION_FAILED_INVALID_CREDENTIALS",
              "message", "Invalid username or password"));
      return;
    }
    response.addHeader(
        "Set-Cookie", "TOKEN=" + token + "; path=/; samesite=none; secure; httponly");
    response.setHeader("X-CSRF-Token", controller.csrfToken());
    json(response, 200, Map.of("unique_id", "loopback-user", "username", username));
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getRequestURI();
    if (!controller.validSession(sessionToken(request))) {
      json(response, 401, Map.of("error", "Unauthorized"));
      return;
    }
    String rotated = controller.csrfTokenExchange(request.getHeader("X-CSRF-Token"));
    if (rotated != null) {
      response.setHeader("X-Updated-Csrf-Token", rotated);
    }
    if (path.equals("/proxy/protect/api/bootstrap")) {
      json(response, 200, controller.bootstrapJson());
    } else if (path.equals("/proxy/protect/ws/updates")) {
      upgrade(request, response);
    } else if (path.equals("/proxy/protect/api/video/export")) {
      export(request, response);
    } else {
      Matcher snapshot = SNAPSHOT.matcher(path);
      if (snapshot.matches()) {
        snapshot(snapshot.group(1), request, response);
      } else {
        json(response, 404, Map.of("error", "not found"));
      }
    }
  }

  private void upgrade(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
      json(response, 400, Map.of("error", "a websocket upgrade is expected"));
      return;
    }
    try {
      LoopbackProtectController.serverContainer(getServletContext())
          .upgradeHttpToWebSocket(
              request,
              response,
              controller.updatesEndpoint(request.getParameter("lastUpdateId")),
              Map.of());
    } catch (DeploymentException e) {
      throw new IOException(e);
    }
  }

  private void snapshot(String cameraId, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    int failure = controller.mediaFailure();
    if (failure != 0 || !controller.knowsCamera(cameraId)) {
      json(response, failure != 0 ? failure : 404, Map.of("error", "no snapshot"));
      return;
    }
    long at = number(request.getParameter("ts"), System.currentTimeMillis());
    send(response, "image/jpeg", () -> controller.media().snapshot(at));
  }

  private void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
    int failure = controller.mediaFailure();
    String cameraId = request.getParameter("camera");
    if (failure != 0 || cameraId == null || !controller.knowsCamera(cameraId)) {
      json(response, failure != 0 ? failure : 404, Map.of("error", "no recording"));
      return;
    }
    long start = number(request.getParameter("start"), -1);
    long end = number(request.getParameter("end"), -1);
    if (start < 0 || end <= start || end - start > FootageMedia.MAX_CLIP_MILLIS) {
      json(response, 400, Map.of("error", "start and end must be ms, end after start, <= 60 s"));
      return;
    }
    send(response, "video/mp4", () -> controller.media().clip(start, end));
  }

  private interface Cut {
    byte[] run() throws IOException, InterruptedException;
  }

  private static void send(HttpServletResponse response, String type, Cut cut) throws IOException {
    byte[] body;
    try {
      body = cut.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      json(response, 500, Map.of("error", "interrupted"));
      return;
    } catch (IOException e) {
      json(response, 500, Map.of("error", String.valueOf(e.getMessage())));
      return;
    }
    response.setStatus(200);
    response.setContentType(type);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static String sessionToken(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie cookie : cookies) {
      if (cookie.getName().equals("TOKEN")) {
        return cookie.getValue();
      }
    }
    return null;
  }

  private static long number(String value, long fallback) {
    try {
      return value == null ? fallback : Long.parseLong(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static void json(HttpServletResponse response, int status, Object body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
