package dev.argus.protect;

import dev.argus.contract.net.OutboundAddressGuard;
import dev.argus.contract.net.UnsafeDestinationException;
import dev.argus.protect.BoundedBody.Body;
import dev.argus.protect.ProtectException.Kind;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One logged-in connection to a controller. Requests log in on first use and once more when the
 * controller answers 401 (the session cookie expired). Thread-safe.
 *
 * <p>The login ({@code POST /api/auth/login}) answers a {@code TOKEN} (UniFi OS: {@code UOS_TOKEN})
 * cookie and an {@code x-csrf-token} header; both go back on every request and on the websocket's
 * handshake, and a response that carries a new CSRF token replaces the old one. Every connection
 * first asks {@link OutboundAddressGuard} about the host (loopback and LAN allowed, link-local and
 * cloud metadata refused), since a name may resolve elsewhere by then. Bodies are bounded in memory
 * (JSON 32 MB, a snapshot 8 MB, a clip 64 MB). The password is sent in the login body only: it is
 * never logged nor put in a message.
 */
public final class ProtectClient implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ProtectClient.class);

  static final int MAX_JSON_BYTES = 32 << 20;
  static final int MAX_SNAPSHOT_BYTES = 8 << 20;
  static final int MAX_CLIP_BYTES = 64 << 20;
  private static final int MAX_ERROR_BYTES = 64 << 10;
  private static final Set<Integer> MEDIA_NOT_READY = Set.of(404, 502, 503, 504);
  private static final Duration MAX_MEDIA_DELAY = Duration.ofSeconds(8);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * How often a snapshot or clip export is asked for while the controller answers 404 or
   * 502/503/504 (it has not written the recording of the moment yet, or is busy cutting it): up to
   * {@code attempts} requests, {@code firstDelay} apart and doubling (at most 8 s).
   */
  public record MediaRetries(int attempts, Duration firstDelay) {

    public MediaRetries {
      if (attempts < 1 || firstDelay == null || firstDelay.isNegative()) {
        throw new IllegalArgumentException("attempts must be >= 1 and firstDelay >= 0");
      }
    }

    /** 5 attempts 1, 2, 4, 8 s apart: 15 s for the controller to have the moment on disk. */
    public static MediaRetries defaults() {
      return new MediaRetries(5, Duration.ofSeconds(1));
    }
  }

  /** The session cookie of one login ({@code TOKEN=…}). */
  private record Login(String cookie) {}

  private final ProtectEndpoint endpoint;
  private final ProtectTimeouts timeouts;
  private final MediaRetries retries;
  private final HttpClient http;
  private final String origin;
  private final Object loginLock = new Object();
  private volatile Login login;
  private volatile String csrfToken;

  public ProtectClient(ProtectEndpoint endpoint, ProtectTimeouts timeouts) {
    this(endpoint, timeouts, MediaRetries.defaults());
  }

  public ProtectClient(ProtectEndpoint endpoint, ProtectTimeouts timeouts, MediaRetries retries) {
    this.endpoint = endpoint;
    this.timeouts = timeouts;
    this.retries = retries;
    String host = endpoint.host().strip();
    boolean ipv6 = host.contains(":") && !host.startsWith("[");
    this.origin = (ipv6 ? "[" + host + "]" : host) + ":" + endpoint.port();
    this.http =
        HttpClient.newBuilder()
            // HTTP/1.1 as the seed's system (aiohttp) speaks it; the websocket is 1.1 anyway.
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(Tls.context(endpoint.verifySsl()))
            .connectTimeout(timeouts.connect())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public ProtectEndpoint endpoint() {
    return endpoint;
  }

  /** {@code GET /proxy/protect/api/bootstrap}, logging in first when needed. */
  public Bootstrap bootstrap() throws ProtectException {
    Answer answer =
        get("/proxy/protect/api/bootstrap", timeouts.request(), MAX_JSON_BYTES, "the bootstrap");
    if (answer.status != 200) {
      throw new ProtectException(
          Kind.BAD_ANSWER, "the bootstrap answered " + Failures.statusLine(answer.status));
    }
    return BootstrapJson.read(answer.body);
  }

  /** A JPEG of the camera at (about) {@code at}; retried on 404/502/503/504. */
  public byte[] snapshot(String cameraId, Instant at) throws ProtectException {
    String path =
        "/proxy/protect/api/cameras/"
            + encode(cameraId)
            + "/snapshot?ts="
            + at.toEpochMilli()
            + "&force=true";
    return media(
        path, timeouts.request(), MAX_SNAPSHOT_BYTES, "the snapshot of camera " + cameraId);
  }

  /** An MP4 clip of the camera between the two instants; retried on 404/502/503/504. */
  public byte[] exportClip(String cameraId, Instant start, Instant end) throws ProtectException {
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("the clip must end after it starts");
    }
    String path =
        "/proxy/protect/api/video/export?camera="
            + encode(cameraId)
            + "&start="
            + start.toEpochMilli()
            + "&end="
            + end.toEpochMilli();
    return media(path, timeouts.export(), MAX_CLIP_BYTES, "the clip of camera " + cameraId);
  }

  /**
   * Opens the updates websocket from {@code lastUpdateId}; every message goes to the listener on
   * the client's thread until {@link Subscription#close} or the socket ends ({@link
   * UpdateListener#onClosed}).
   */
  public Subscription subscribe(String lastUpdateId, UpdateListener listener)
      throws ProtectException {
    Login current = loggedIn();
    try {
      return open(current, lastUpdateId, listener);
    } catch (SessionRefused refused) {
      log.info("{}: the updates websocket refused the session; logging in again", endpoint);
      Login fresh = loginAgain(current);
      try {
        return open(fresh, lastUpdateId, listener);
      } catch (SessionRefused again) {
        throw new ProtectException(
            Kind.UNAUTHORIZED,
            "the updates websocket refused a fresh session: 401 Unauthorized (does the user have"
                + " access to Protect?)");
      }
    }
  }

  @Override
  public void close() {
    http.shutdownNow();
  }

  /** Receives the updates of one subscription. */
  public interface UpdateListener {
    void onUpdate(ProtectUpdate update);

    /** The socket ended (closed by the controller, dropped, or a frame that could not be read). */
    void onClosed(String reason);
  }

  /** An open updates websocket. */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();

    /** Messages that could not be decoded and were skipped so far. */
    default long undecodableMessages() {
      return 0;
    }
  }

  // -- login -----------------------------------------------------------------------------------

  private Login loggedIn() throws ProtectException {
    Login current = login;
    return current != null ? current : loginAgain(null);
  }

  /** Logs in unless another thread already replaced {@code stale}. */
  private Login loginAgain(Login stale) throws ProtectException {
    synchronized (loginLock) {
      Login current = login;
      if (current != null && current != stale) {
        return current;
      }
      login = null;
      Login fresh = logIn();
      login = fresh;
      return fresh;
    }
  }

  private Login logIn() throws ProtectException {
    Map<String, Object> credentials = new LinkedHashMap<>();
    credentials.put("username", endpoint.username());
    credentials.put("password", endpoint.password());
    credentials.put("rememberMe", true);
    HttpRequest request =
        HttpRequest.newBuilder(uri("/api/auth/login"))
            .timeout(timeouts.request())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(credentials)))
            .build();
    Answer answer = send(request, timeouts.request(), MAX_JSON_BYTES);
    if (answer.status == 401 || answer.status == 403) {
      throw new ProtectException(
          Kind.UNAUTHORIZED,
          "login refused: "
              + Failures.statusLine(answer.status)
              + " (check the user name and password)");
    }
    if (answer.status == 429) {
      throw new ProtectException(
          Kind.UNAUTHORIZED,
          "login refused: 429 Too Many Requests (the controller throttles logins; wait a few"
              + " minutes)");
    }
    if (answer.status != 200) {
      throw new ProtectException(
          Kind.BAD_ANSWER,
          "login answered "
              + Failures.statusLine(answer.status)
              + " (is "
              + origin
              + " a UniFi OS console with Protect?)");
    }
    String cookie = sessionCookie(answer.headers);
    if (cookie == null) {
      throw new ProtectException(
          Kind.BAD_ANSWER,
          "the login set no TOKEN cookie (is " + origin + " a UniFi OS console with Protect?)");
    }
    log.info("{}: logged in", endpoint);
    return new Login(cookie);
  }

  /** {@code TOKEN=…} or {@code UOS_TOKEN=…} from the login's Set-Cookie headers. */
  private static String sessionCookie(HttpHeaders headers) {
    for (String header : headers.allValues("set-cookie")) {
      List<HttpCookie> cookies;
      try {
        cookies = HttpCookie.parse(header);
      } catch (IllegalArgumentException malformed) {
        continue;
      }
      for (HttpCookie cookie : cookies) {
        if (cookie.getName().equals("TOKEN") || cookie.getName().equals("UOS_TOKEN")) {
          return cookie.getName() + "=" + cookie.getValue();
        }
      }
    }
    return null;
  }

  // -- requests --------------------------------------------------------------------------------

  private record Answer(int status, byte[] body, boolean tooLarge, HttpHeaders headers) {}

  /** A GET with the session; on 401 one fresh login and the GET again. */
  private Answer get(String pathAndQuery, Duration timeout, int limit, String what)
      throws ProtectException {
    Login current = loggedIn();
    Answer answer = send(authorised(pathAndQuery, timeout, current), timeout, limit);
    if (answer.status == 401) {
      log.info("{}: {} answered 401; logging in again", endpoint, pathAndQuery);
      current = loginAgain(current);
      answer = send(authorised(pathAndQuery, timeout, current), timeout, limit);
      if (answer.status == 401) {
        throw new ProtectException(
            Kind.UNAUTHORIZED,
            what
                + " answered 401 Unauthorized right after a fresh login (does the user have"
                + " access to Protect?)");
      }
    }
    if (answer.status == 200 && answer.tooLarge) {
      throw new ProtectException(
          Kind.BAD_ANSWER, what + " is larger than " + (limit >> 20) + " MB");
    }
    return answer;
  }

  private byte[] media(String pathAndQuery, Duration timeout, int limit, String what)
      throws ProtectException {
    Duration delay = retries.firstDelay();
    for (int attempt = 1; ; attempt++) {
      Answer answer = get(pathAndQuery, timeout, limit, what);
      if (answer.status == 200) {
        if (answer.body.length == 0) {
          throw new ProtectException(Kind.BAD_ANSWER, what + " came back empty");
        }
        return answer.body;
      }
      String status = Failures.statusLine(answer.status);
      if (!MEDIA_NOT_READY.contains(answer.status)) {
        throw new ProtectException(Kind.BAD_ANSWER, what + " answered " + status);
      }
      if (attempt >= retries.attempts()) {
        throw new ProtectException(
            Kind.NOT_FOUND,
            what + " is not there: still " + status + " after " + attempt + " tries");
      }
      log.debug("{}: {} answered {}; asking again in {}", endpoint, what, status, delay);
      sleep(delay);
      delay = min(delay.multipliedBy(2), MAX_MEDIA_DELAY);
    }
  }

  private HttpRequest authorised(String pathAndQuery, Duration timeout, Login current) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(pathAndQuery)).timeout(timeout).header("Cookie", current.cookie);
    String csrf = csrfToken;
    if (csrf != null) {
      request.header("X-CSRF-Token", csrf);
    }
    return request.GET().build();
  }

  /** One exchange, body included, within {@code timeout}; the host judged first. */
  private Answer send(HttpRequest request, Duration timeout, int limit) throws ProtectException {
    guard();
    CompletableFuture<HttpResponse<Body>> exchange =
        http.sendAsync(
            request, info -> new BoundedBody(info.statusCode() == 200 ? limit : MAX_ERROR_BYTES));
    try {
      HttpResponse<Body> response =
          exchange.get(timeout.toMillis() + timeouts.connect().toMillis(), TimeUnit.MILLISECONDS);
      rememberCsrfToken(response.headers());
      Body body = response.body();
      return new Answer(response.statusCode(), body.bytes(), body.tooLarge(), response.headers());
    } catch (ExecutionException e) {
      throw Failures.of(e.getCause(), endpoint, timeouts.connect(), timeout);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new ProtectException(
          Kind.TIMEOUT, "no answer from " + origin + " within " + timeout.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new ProtectException(Kind.TIMEOUT, "interrupted while waiting for " + origin, e);
    }
  }

  private void rememberCsrfToken(HttpHeaders headers) {
    Optional<String> updated =
        headers.firstValue("x-updated-csrf-token").or(() -> headers.firstValue("x-csrf-token"));
    updated.filter(token -> !token.isBlank()).ifPresent(token -> csrfToken = token);
  }

  private void guard() throws ProtectException {
    try {
      OutboundAddressGuard.resolve("host", endpoint.host().strip());
    } catch (UnsafeDestinationException e) {
      throw new ProtectException(Kind.UNREACHABLE, e.getMessage());
    } catch (UnknownHostException e) {
      throw new ProtectException(Kind.UNREACHABLE, "unknown host " + endpoint.host());
    }
  }

  // -- the updates websocket -------------------------------------------------------------------

  /** The handshake answered 401: the session cookie is no longer good. */
  private static final class SessionRefused extends Exception {
    SessionRefused() {
      super(null, null, false, false);
    }
  }

  private Subscription open(Login current, String lastUpdateId, UpdateListener listener)
      throws ProtectException, SessionRefused {
    guard();
    String query =
        lastUpdateId == null || lastUpdateId.isBlank()
            ? ""
            : "?lastUpdateId=" + encode(lastUpdateId);
    URI target = URI.create("wss://" + origin + "/proxy/protect/ws/updates" + query);
    UpdatesSocket socket = new UpdatesSocket(endpoint.toString(), listener);
    WebSocket.Builder builder =
        http.newWebSocketBuilder()
            .connectTimeout(timeouts.connect())
            .header("Cookie", current.cookie);
    String csrf = csrfToken;
    if (csrf != null) {
      builder.header("X-CSRF-Token", csrf);
    }
    CompletableFuture<WebSocket> opening = builder.buildAsync(target, socket);
    Duration timeout = timeouts.request();
    try {
      opening.get(timeout.toMillis() + timeouts.connect().toMillis(), TimeUnit.MILLISECONDS);
      return socket;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException handshake) {
        int status = handshake.getResponse().statusCode();
        if (status == 401) {
          throw new SessionRefused();
        }
        throw new ProtectException(
            Kind.BAD_ANSWER, "the updates websocket answered " + Failures.statusLine(status));
      }
      throw Failures.of(e.getCause(), endpoint, timeouts.connect(), timeout);
    } catch (TimeoutException e) {
      opening.cancel(true);
      throw new ProtectException(
          Kind.TIMEOUT,
          "the updates websocket of "
              + origin
              + " did not open within "
              + timeout.toSeconds()
              + " s",
          e);
    } catch (InterruptedException e) {
      opening.cancel(true);
      Thread.currentThread().interrupt();
      throw new ProtectException(
          Kind.TIMEOUT, "interrupted while opening the updates websocket", e);
    }
  }

  // -- helpers ---------------------------------------------------------------------------------

  private URI uri(String pathAndQuery) {
    return URI.create("https://" + origin + pathAndQuery);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static void sleep(Duration delay) throws ProtectException {
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProtectException(Kind.TIMEOUT, "interrupted while waiting to ask again", e);
    }
  }

  /** The bootstrap's JSON, read into the few fields Argus uses. */
  static final class BootstrapJson {

    private BootstrapJson() {}

    static Bootstrap read(byte[] json) throws ProtectException {
      JsonNode root;
      try {
        root = JSON.readTree(json);
      } catch (JacksonException e) {
        throw new ProtectException(Kind.BAD_ANSWER, "the bootstrap is not JSON", e);
      }
      JsonNode nvr = root.path("nvr");
      if (!root.isObject() || !nvr.isObject() || !root.path("cameras").isArray()) {
        throw new ProtectException(
            Kind.BAD_ANSWER, "the bootstrap has no nvr and cameras (is this UniFi Protect?)");
      }
      List<ProtectCamera> cameras = new ArrayList<>();
      for (JsonNode camera : root.path("cameras")) {
        JsonNode flags = camera.path("featureFlags");
        List<String> smartTypes = new ArrayList<>();
        for (JsonNode type : flags.path("smartDetectTypes")) {
          if (type.isString()) {
            smartTypes.add(type.stringValue());
          }
        }
        boolean doorbell =
            flags.path("isDoorbell").asBoolean(false) || flags.path("hasChime").asBoolean(false);
        cameras.add(
            new ProtectCamera(
                text(camera.path("id")),
                text(camera.path("name")),
                text(camera.path("type")),
                text(camera.path("state")),
                doorbell,
                smartTypes));
      }
      return new Bootstrap(
          text(nvr.path("id")),
          text(nvr.path("name")),
          text(nvr.path("version")),
          text(root.path("lastUpdateId")),
          cameras);
    }

    private static String text(JsonNode node) {
      return node.isString() || node.isNumber() ? node.asString() : null;
    }
  }
}
