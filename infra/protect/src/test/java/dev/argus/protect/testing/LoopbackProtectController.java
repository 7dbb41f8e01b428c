package dev.argus.protect.testing;

import dev.argus.protect.ProtectCamera;
import dev.argus.protect.ProtectEndpoint;
import dev.argus.protect.ProtectUpdate;
import dev.argus.protect.UpdateFrames;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * <b>A TEST DOUBLE</b> of a UniFi Protect controller (a UniFi OS console running Protect) on
 * loopback. It emulates the protocol as {@code CAMERAS.md} describes it (the {@code uiprotect}
 * library's reading of it, which the seed's system speaks); nobody here has a controller, so it is
 * <b>not proven on hardware</b>: where the real one differs, the opt-in {@code RealControllerIT} is
 * the place to find out.
 *
 * <p>What it speaks, all over HTTPS on one port with a self-signed certificate made at start:
 *
 * <ul>
 *   <li>{@code POST /api/auth/login} {@code {username, password, rememberMe}}: 200 with a {@code
 *       TOKEN} cookie and an {@code x-csrf-token} header, or 401 for wrong credentials. Cookies
 *       live {@link #setCookieLifetime} (default one hour); {@link #expireSessions} ends them all
 *       at once, so the next request answers 401 and a client must log in again.
 *   <li>{@code GET /proxy/protect/api/bootstrap}: {@code nvr} (id, name, version), {@code
 *       cameras[]} (id, name, type, state, featureFlags.isDoorbell/hasChime/smartDetectTypes) and
 *       {@code lastUpdateId}.
 *   <li>{@code wss://…/proxy/protect/ws/updates?lastUpdateId=…}: binary messages of an action and a
 *       data frame ({@link UpdateFrames}), deflated or plain ({@link #setCompression}).
 *   <li>{@code GET /proxy/protect/api/cameras/{id}/snapshot?ts=&force=true} (a JPEG) and {@code GET
 *       /proxy/protect/api/video/export?camera=&start=&end=} (an MP4), cut by ffmpeg from the real
 *       footage of {@code dev.argus.camera.testing.Footage} (a synthetic picture without it); the
 *       first N of them can be made to fail ({@link #failMedia}).
 * </ul>
 *
 * <p>The scripted events ({@link #startMotion}, {@link #startSmartDetection}, {@link #endEvent},
 * {@link #ring}, {@link #playMotionPersonRing}) are sent as the controller sends them: an event
 * {@code add} (later an {@code update} with its {@code end}) and the camera's {@code update} of its
 * motion flags. {@link #dropUpdates} ends the websockets at the socket without a close frame;
 * {@link #goSilent} keeps them open and sends them nothing more.
 */
public final class LoopbackProtectController implements AutoCloseable {

  public static final String USERNAME = "argus-viewer";
  public static final String PASSWORD = "loopback-password";
  public static final String NVR_ID = "6650a1b2c3d4e5f600000000";
  public static final String NVR_NAME = "Loopback NVR";
  public static final String NVR_VERSION = "5.1.200";

  /** A G4 Bullet that detects people and vehicles. */
  public static final String FRONT_CAMERA = "6650a1b2c3d4e5f600000001";

  /** A G4 Doorbell Pro that detects people and packages, and rings. */
  public static final String DOORBELL = "6650a1b2c3d4e5f600000002";

  /** A G3 Flex without smart detections, disconnected. */
  public static final String YARD_CAMERA = "6650a1b2c3d4e5f600000003";

  /** How the frames of each update message are sent. */
  public enum Compression {
    DEFLATED,
    PLAIN,
    /** Deflated, plain, deflated, …: both kinds in one sequence. */
    ALTERNATING
  }

  private static final String UPDATES_PATH = "/proxy/protect/ws/updates";

  private final Tomcat tomcat;
  private final LoopbackProtocol protocol;
  private final Path directory;
  private final FootageMedia media;
  private final int port;

  private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
  private volatile String csrfToken = UUID.randomUUID().toString();
  private volatile boolean announceCsrfToken;
  private final AtomicReference<String> csrfTokenSeen = new AtomicReference<>();
  private final AtomicInteger logins = new AtomicInteger();
  private final AtomicInteger refusedLogins = new AtomicInteger();
  private volatile Duration cookieLifetime = Duration.ofHours(1);
  private volatile List<ProtectCamera> cameras = defaultCameras();

  private final AtomicInteger mediaFailuresLeft = new AtomicInteger();
  private volatile int mediaFailureStatus = 503;
  private final AtomicInteger mediaRequests = new AtomicInteger();

  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final AtomicInteger subscriptionsOpened = new AtomicInteger();
  private final AtomicReference<String> subscribedFrom = new AtomicReference<>();
  private volatile Compression compression = Compression.ALTERNATING;
  private final AtomicLong messagesSent = new AtomicLong();
  private volatile String lastUpdateId = UUID.randomUUID().toString();

  private final Map<String, ScriptedEvent> events = new ConcurrentHashMap<>();

  private LoopbackProtectController(
      Tomcat tomcat, LoopbackProtocol protocol, Path directory, FootageMedia media, int port) {
    this.tomcat = tomcat;
    this.protocol = protocol;
    this.directory = directory;
    this.media = media;
    this.port = port;
  }

  /** Starts one on 127.0.0.1 at a free port, with {@link #defaultCameras}. */
  public static LoopbackProtectController start() throws IOException, InterruptedException {
    Path directory = Files.createTempDirectory("loopback-protect-");
    SelfSignedCertificate certificate = SelfSignedCertificate.generate(directory);

    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(directory.toString());
    Connector connector = new Connector(LoopbackProtocol.class.getName());
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    connector.setScheme("https");
    connector.setSecure(true);
    connector.setProperty("SSLEnabled", "true");
    SSLHostConfig tls = new SSLHostConfig();
    SSLHostConfigCertificate keys =
        new SSLHostConfigCertificate(tls, SSLHostConfigCertificate.Type.UNDEFINED);
    keys.setCertificateKeystoreFile(certificate.keyStore().toString());
    keys.setCertificateKeystorePassword(certificate.password());
    keys.setCertificateKeystoreType("PKCS12");
    tls.addCertificate(keys);
    connector.addSslHostConfig(tls);
    tomcat.getService().addConnector(connector);
    tomcat.setConnector(connector);

    Context context = tomcat.addContext("", directory.toString());
    context.addServletContainerInitializer(new WsSci(), null);
    ControllerServlet servlet = new ControllerServlet();
    Tomcat.addServlet(context, "controller", servlet);
    context.addServletMappingDecoded("/", "controller");

    try {
      tomcat.start();
    } catch (LifecycleException e) {
      throw new IOException("the loopback controller did not start", e);
    }
    LoopbackProtectController controller =
        new LoopbackProtectController(
            tomcat,
            (LoopbackProtocol) connector.getProtocolHandler(),
            directory,
            new FootageMedia(directory),
            connector.getLocalPort());
    servlet.attach(controller);
    return controller;
  }

  /**
   * The three cameras a new controller has: {@link #FRONT_CAMERA}, {@link #DOORBELL}, {@link
   * #YARD_CAMERA}.
   */
  public static List<ProtectCamera> defaultCameras() {
    return List.of(
        new ProtectCamera(
            FRONT_CAMERA,
            "Front",
            "UVC G4 Bullet",
            "CONNECTED",
            false,
            List.of("person", "vehicle")),
        new ProtectCamera(
            DOORBELL,
            "Door",
            "UVC G4 Doorbell Pro",
            "CONNECTED",
            true,
            List.of("person", "package")),
        new ProtectCamera(YARD_CAMERA, "Yard", "UVC G3 Flex", "DISCONNECTED", false, List.of()));
  }

  // -- where and who ---------------------------------------------------------------------------

  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return port;
  }

  /** The right credentials, {@code verifySsl} off (the certificate is self-signed). */
  public ProtectEndpoint endpoint() {
    return endpoint(PASSWORD);
  }

  public ProtectEndpoint endpoint(String password) {
    return new ProtectEndpoint(host(), port, USERNAME, password, false);
  }

  // -- login -----------------------------------------------------------------------------------

  /** How long a login's cookie is good for (from the next login on). */
  public void setCookieLifetime(Duration lifetime) {
    this.cookieLifetime = lifetime;
  }

  /** Ends every session: the next request with an old cookie answers 401. */
  public void expireSessions() {
    sessions.clear();
  }

  /**
   * Replaces the CSRF token: the next authenticated answer carries it in {@code
   * x-updated-csrf-token}, as UniFi OS does when it rotates the token.
   */
  public String rotateCsrfToken() {
    csrfToken = UUID.randomUUID().toString();
    announceCsrfToken = true;
    return csrfToken;
  }

  /** The {@code X-CSRF-Token} the last authenticated request carried (null if none). */
  public String csrfTokenSeen() {
    return csrfTokenSeen.get();
  }

  /** Successful logins so far. */
  public int logins() {
    return logins.get();
  }

  /** Logins refused (wrong user name or password) so far. */
  public int refusedLogins() {
    return refusedLogins.get();
  }

  // -- bootstrap -------------------------------------------------------------------------------

  public List<ProtectCamera> cameras() {
    return cameras;
  }

  public void setCameras(List<ProtectCamera> cameras) {
    this.cameras = List.copyOf(cameras);
  }

  /** The {@code lastUpdateId} the bootstrap gives: the id of the last update sent. */
  public String lastUpdateId() {
    return lastUpdateId;
  }

  // -- media -----------------------------------------------------------------------------------

  /** The next {@code count} snapshot or export requests answer {@code status} (404, 503, …). */
  public void failMedia(int count, int status) {
    mediaFailureStatus = status;
    mediaFailuresLeft.set(count);
  }

  /** Snapshot and export requests so far, failed ones included. */
  public int mediaRequests() {
    return mediaRequests.get();
  }

  /** Whether media are cut from the real footage (else from ffmpeg's synthetic test picture). */
  public boolean realFootage() {
    return media.real();
  }

  // -- the updates websocket -------------------------------------------------------------------

  public void setCompression(Compression compression) {
    this.compression = compression;
  }

  /** Websockets open now (silent ones included). */
  public int subscriptions() {
    return (int) subscribers.stream().filter(s -> s.session.isOpen()).count();
  }

  /** Websockets opened since start. */
  public int subscriptionsOpened() {
    return subscriptionsOpened.get();
  }

  /** The {@code lastUpdateId} the last websocket was opened with. */
  public String subscribedFrom() {
    return subscribedFrom.get();
  }

  /**
   * Waits until {@code opened} websockets in all have been opened since start and at least one is
   * open and not silent; false when {@code within} ran out first.
   */
  public boolean awaitSubscription(int opened, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() - deadline < 0) {
      if (subscriptionsOpened.get() >= opened
          && subscribers.stream().anyMatch(s -> s.session.isOpen() && !s.silent)) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  /** Update messages sent so far (counted once per message, whatever the number of sockets). */
  public long messagesSent() {
    return messagesSent.get();
  }

  /**
   * Sends one update to every open websocket that is not silent, with a fresh {@code newUpdateId};
   * returns the update as sent.
   */
  public ProtectUpdate send(String action, String modelKey, String id, Map<String, Object> data) {
    boolean deflated =
        switch (compression) {
          case DEFLATED -> true;
          case PLAIN -> false;
          case ALTERNATING -> messagesSent.get() % 2 == 0;
        };
    return send(action, modelKey, id, data, deflated);
  }

  /** As {@link #send(String, String, String, Map)}, deflated or plain as asked for this one. */
  public ProtectUpdate send(
      String action, String modelKey, String id, Map<String, Object> data, boolean deflated) {
    String updateId = UUID.randomUUID().toString();
    ProtectUpdate update = new ProtectUpdate(action, updateId, modelKey, id, data);
    byte[] message = UpdateFrames.encode(update, deflated);
    for (Subscriber subscriber : subscribers) {
      subscriber.send(message);
    }
    messagesSent.incrementAndGet();
    lastUpdateId = updateId;
    return update;
  }

  /** Sends {@code message} as it is (a broken frame, say) to every open websocket not silent. */
  public void sendRaw(byte[] message) {
    for (Subscriber subscriber : subscribers) {
      subscriber.send(message);
    }
  }

  /** Ends every open websocket at the socket, without a close frame (a reboot, a broken link). */
  public void dropUpdates() {
    List<Subscriber> open = subscribers.stream().filter(s -> s.session.isOpen()).toList();
    for (Subscriber subscriber : open) {
      subscriber.silent = true;
    }
    // A connection still finishing its upgrade has no upgrade processor attached yet: ask again
    // for a moment rather than miss it.
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    int dropped = protocol.dropUpgradedConnections();
    while (dropped < open.size() && System.nanoTime() - deadline < 0) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      dropped += protocol.dropUpgradedConnections();
    }
    subscribers.removeAll(open);
  }

  /** Keeps the open websockets open but sends them nothing more (later ones are served). */
  public void goSilent() {
    for (Subscriber subscriber : subscribers) {
      subscriber.silent = true;
    }
  }

  // -- scripted events -------------------------------------------------------------------------

  /** Motion begins on the camera: an event add of type {@code motion} and the camera's flags. */
  public String startMotion(String cameraId) {
    long now = System.currentTimeMillis();
    String eventId = newEventId();
    events.put(eventId, new ScriptedEvent(cameraId, "motion", List.of(), 62, now));
    send("add", "event", eventId, event(eventId, cameraId, "motion", List.of(), 62, now, null));
    send("update", "camera", cameraId, fields("isMotionDetected", true, "lastMotion", now));
    return eventId;
  }

  /**
   * A smart detection begins: an event add of type {@code smartDetectZone} with {@code
   * smartDetectTypes [type]} and {@code score} (0..100), and the camera's active types.
   */
  public String startSmartDetection(String cameraId, String type, int score) {
    long now = System.currentTimeMillis();
    String eventId = newEventId();
    events.put(eventId, new ScriptedEvent(cameraId, "smartDetectZone", List.of(type), score, now));
    send(
        "add",
        "event",
        eventId,
        event(eventId, cameraId, "smartDetectZone", List.of(type), score, now, null));
    send(
        "update",
        "camera",
        cameraId,
        fields(
            "activeSmartDetectTypes", List.of(type),
            "lastSmartDetectEventIds", Map.of(type, eventId),
            "lastMotion", now));
    return eventId;
  }

  /** The event ends: an event update with {@code end}, and the camera's flags cleared. */
  public void endEvent(String eventId) {
    ScriptedEvent scripted = events.remove(eventId);
    if (scripted == null) {
      throw new IllegalArgumentException("no open scripted event " + eventId);
    }
    long now = System.currentTimeMillis();
    send("update", "event", eventId, fields("end", now, "score", scripted.score));
    if (scripted.type.equals("motion")) {
      send("update", "camera", scripted.cameraId, fields("isMotionDetected", false));
    } else {
      send("update", "camera", scripted.cameraId, fields("activeSmartDetectTypes", List.of()));
    }
  }

  /**
   * The doorbell rings: an event add of type {@code ring} (start = end) and its {@code lastRing}.
   */
  public String ring(String doorbellId) {
    long now = System.currentTimeMillis();
    String eventId = newEventId();
    send("add", "event", eventId, event(eventId, doorbellId, "ring", List.of(), null, now, now));
    send("update", "camera", doorbellId, fields("lastRing", now));
    return eventId;
  }

  /**
   * The scripted sequence: motion starts on {@code cameraId}, a person is detected there (score
   * 87), both end, then {@code doorbellId} rings. Returns the three event ids (motion, person,
   * ring).
   */
  public List<String> playMotionPersonRing(String cameraId, String doorbellId) {
    String motion = startMotion(cameraId);
    String person = startSmartDetection(cameraId, "person", 87);
    endEvent(person);
    endEvent(motion);
    String ring = ring(doorbellId);
    return List.of(motion, person, ring);
  }

  @Override
  public void close() {
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      throw new IllegalStateException("the loopback controller did not stop", e);
    } finally {
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException ignored) {
        // A temporary directory left behind is harmless.
      }
    }
  }

  // -- for the servlet -------------------------------------------------------------------------

  /** A new session cookie value for good credentials; null (and counted) for bad ones. */
  String logIn(String username, String password) {
    if (!USERNAME.equals(username) || !PASSWORD.equals(password)) {
      refusedLogins.incrementAndGet();
      return null;
    }
    String token = UUID.randomUUID().toString().replace("-", "");
    sessions.put(token, Instant.now().plus(cookieLifetime));
    logins.incrementAndGet();
    return token;
  }

  boolean validSession(String token) {
    Instant expiry = token == null ? null : sessions.get(token);
    if (expiry == null) {
      return false;
    }
    if (Instant.now().isAfter(expiry)) {
      sessions.remove(token);
      return false;
    }
    return true;
  }

  String csrfToken() {
    return csrfToken;
  }

  /** Remembers the request's token; the token to announce on its answer, or null. */
  String csrfTokenExchange(String sent) {
    csrfTokenSeen.set(sent);
    if (announceCsrfToken) {
      announceCsrfToken = false;
      return csrfToken;
    }
    return null;
  }

  Map<String, Object> bootstrapJson() {
    List<Map<String, Object>> cameraJson = new ArrayList<>();
    for (ProtectCamera camera : cameras) {
      Map<String, Object> flags = new LinkedHashMap<>();
      flags.put("isDoorbell", camera.doorbell());
      flags.put("hasChime", camera.doorbell());
      flags.put("smartDetectTypes", camera.smartDetectTypes());
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", camera.id());
      json.put("name", camera.name());
      json.put("type", camera.type());
      json.put("modelKey", "camera");
      json.put("state", camera.state());
      json.put("isMotionDetected", false);
      json.put("featureFlags", flags);
      cameraJson.add(json);
    }
    Map<String, Object> nvr = new LinkedHashMap<>();
    nvr.put("id", NVR_ID);
    nvr.put("name", NVR_NAME);
    nvr.put("version", NVR_VERSION);
    nvr.put("modelKey", "nvr");
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("authUserId", "loopback-user");
    root.put("accessKey", "loopback-access-key");
    root.put("nvr", nvr);
    root.put("cameras", cameraJson);
    root.put("lastUpdateId", lastUpdateId);
    return root;
  }

  boolean knowsCamera(String cameraId) {
    return cameras.stream().anyMatch(c -> c.id().equals(cameraId));
  }

  /** The status a media request answers with before any work: 0 to serve it. */
  int mediaFailure() {
    mediaRequests.incrementAndGet();
    return mediaFailuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0
        ? mediaFailureStatus
        : 0;
  }

  FootageMedia media() {
    return media;
  }

  ServerEndpointConfig updatesEndpoint(String fromUpdateId) {
    subscribedFrom.set(fromUpdateId);
    return ServerEndpointConfig.Builder.create(Endpoint.class, UPDATES_PATH)
        .configurator(
            new ServerEndpointConfig.Configurator() {
              @Override
              public <T> T getEndpointInstance(Class<T> endpointClass) {
                return endpointClass.cast(new UpdatesEndpoint());
              }
            })
        .build();
  }

  static ServerContainer serverContainer(jakarta.servlet.ServletContext context) {
    return (ServerContainer) context.getAttribute(ServerContainer.class.getName());
  }

  // -- internals -------------------------------------------------------------------------------

  private final class UpdatesEndpoint extends Endpoint {
    private Subscriber subscriber;

    @Override
    public void onOpen(Session session, EndpointConfig config) {
      subscriber = new Subscriber(session);
      subscribers.add(subscriber);
      subscriptionsOpened.incrementAndGet();
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
      subscribers.remove(subscriber);
    }

    @Override
    public void onError(Session session, Throwable failure) {
      subscribers.remove(subscriber);
    }
  }

  /** One open websocket. Sends are serialised: a websocket allows one message at a time. */
  private static final class Subscriber {
    final Session session;
    volatile boolean silent;

    Subscriber(Session session) {
      this.session = session;
    }

    synchronized void send(byte[] message) {
      if (silent || !session.isOpen()) {
        return;
      }
      try {
        session.getBasicRemote().sendBinary(ByteBuffer.wrap(message));
      } catch (IOException | IllegalStateException e) {
        // The client went away; its onClose removes it.
      }
    }
  }

  private record ScriptedEvent(
      String cameraId, String type, List<String> smartTypes, int score, long start) {}

  private static String newEventId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
  }

  private static Map<String, Object> event(
      String id,
      String cameraId,
      String type,
      List<String> smartTypes,
      Integer score,
      long start,
      Long end) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", id);
    data.put("modelKey", "event");
    data.put("type", type);
    data.put("camera", cameraId);
    data.put("start", start);
    data.put("end", end);
    data.put("score", score);
    data.put("smartDetectTypes", smartTypes);
    data.put("smartDetectEvents", List.of());
    return data;
  }

  private static Map<String, Object> fields(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
