package dev.argus.protect;

import dev.argus.protect.ProtectClient.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one controller connected: login and bootstrap, then the updates websocket from the
 * bootstrap's {@code lastUpdateId}; on a drop, an error or a silence longer than {@link
 * ProtectTimeouts#receive} it reconnects after 1, 2, 4, 8, 16, then every 30 s, and bootstraps
 * again. Runs on a thread of its own from {@link #start} to {@link #close}.
 *
 * <p>The websocket's messages are queued to the session's thread (a bounded queue: a slow listener
 * slows the socket), which reads them through one {@link ProtectEvents} and calls the listener, so
 * a listener is only ever called from that thread. The same thread is the watchdog: it waits for
 * the next message at most what remains of the receive timeout, and a controller that keeps the
 * socket open but sends nothing (a hung process, a half-open TCP connection) is reconnected when it
 * runs out. The backoff starts again from its first step after a good connection: one that
 * delivered an update or lasted longer than the longest step. A cookie that expired is renewed by
 * the client (one login on a 401).
 */
public final class ProtectSession implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ProtectSession.class);

  public static final String CONNECTED = "connected";
  public static final String CONNECTING = "connecting";
  public static final String ERROR = "error";

  /** The delays between attempts: 1, 2, 4, 8, 16, then 30 s for every further one. */
  public static final List<Duration> BACKOFF =
      List.of(
          Duration.ofSeconds(1),
          Duration.ofSeconds(2),
          Duration.ofSeconds(4),
          Duration.ofSeconds(8),
          Duration.ofSeconds(16),
          Duration.ofSeconds(30));

  private static final int QUEUE_CAPACITY = 1000;

  /** What a session reports. Called on the session's thread; keep it quick. */
  public interface Listener {
    /** Connected ({@code bootstrap} set), connecting, or in error ({@code reason} set). */
    void onState(String state, String reason, Bootstrap bootstrap);

    /** A motion, smart detection or ring of one of the controller's cameras. */
    void onDetection(ProtectDetection detection);

    /** A camera of the bootstrap changed its {@code state} (e.g. to {@code DISCONNECTED}). */
    default void onCamera(ProtectCamera camera) {}
  }

  private sealed interface Item permits Received, Ended {
    int generation();
  }

  private record Received(int generation, ProtectUpdate update) implements Item {}

  private record Ended(int generation, String reason) implements Item {}

  private final String name;
  private final ProtectClient client;
  private final ProtectTimeouts timeouts;
  private final List<Duration> backoff;
  private final Listener listener;
  private final BlockingQueue<Item> inbox = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
  private final ProtectEvents events = new ProtectEvents();

  private volatile boolean closed;
  private volatile Thread thread;
  private volatile Subscription subscription;
  private volatile List<ProtectCamera> cameras = List.of();
  private volatile String lastUpdateId;
  private int generation;

  public ProtectSession(
      String name, ProtectClient client, ProtectTimeouts timeouts, Listener listener) {
    this(name, client, timeouts, BACKOFF, listener);
  }

  /**
   * @param backoff the delays between attempts, the last repeated (tests shorten them)
   */
  public ProtectSession(
      String name,
      ProtectClient client,
      ProtectTimeouts timeouts,
      List<Duration> backoff,
      Listener listener) {
    if (backoff == null || backoff.isEmpty()) {
      throw new IllegalArgumentException("backoff needs at least one delay");
    }
    this.name = name;
    this.client = client;
    this.timeouts = timeouts;
    this.backoff = List.copyOf(backoff);
    this.listener = listener;
  }

  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("session " + name + " already started");
    }
    thread = Thread.ofPlatform().name("protect-session-" + name).daemon().start(this::run);
  }

  /** The cameras of the last bootstrap; empty before the first. */
  public List<ProtectCamera> cameras() {
    return cameras;
  }

  /** The {@code newUpdateId} of the last update read (or the bootstrap's); null before. */
  public String lastUpdateId() {
    return lastUpdateId;
  }

  @Override
  public void close() {
    closed = true;
    Subscription current = subscription;
    if (current != null) {
      current.close();
    }
    Thread running = thread;
    if (running != null && running != Thread.currentThread()) {
      running.interrupt();
      try {
        running.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    int failures = 0;
    String reason = null;
    boolean announce = true;
    while (!closed) {
      if (announce) {
        report(CONNECTING, reason, null);
      }
      announce = true;
      Bootstrap bootstrap;
      int current = ++generation;
      try {
        bootstrap = client.bootstrap();
        cameras = bootstrap.cameras();
        lastUpdateId = bootstrap.lastUpdateId();
        subscription = client.subscribe(bootstrap.lastUpdateId(), new Forwarder(current));
      } catch (ProtectException e) {
        if (closed) {
          return;
        }
        reason = e.getMessage();
        log.warn("protect session {}: {}", name, reason);
        report(ERROR, reason, null);
        if (!pause(failures++)) {
          return;
        }
        continue;
      }
      report(CONNECTED, null, bootstrap);
      long connectedAt = System.nanoTime();
      Outcome outcome = pump(current);
      subscription.close();
      subscription = null;
      if (closed) {
        return;
      }
      reason = outcome.reason;
      log.info("protect session {}: reconnecting: {}", name, reason);
      Duration lasted = Duration.ofNanos(System.nanoTime() - connectedAt);
      if (outcome.updates > 0 || lasted.compareTo(backoff.getLast()) > 0) {
        failures = 0;
      }
      report(CONNECTING, reason, null);
      announce = false;
      if (!pause(failures++)) {
        return;
      }
    }
  }

  private record Outcome(String reason, long updates) {}

  /** Reads the connection's messages until it ends, goes silent or the session closes. */
  private Outcome pump(int current) {
    long receiveNanos = timeouts.receive().toNanos();
    long lastMessage = System.nanoTime();
    long updates = 0;
    while (!closed) {
      long wait = receiveNanos - (System.nanoTime() - lastMessage);
      if (wait <= 0) {
        return new Outcome("silent for " + seconds(timeouts.receive()), updates);
      }
      Item item;
      try {
        item = inbox.poll(wait, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        return new Outcome("closed", updates);
      }
      if (item == null || item.generation() != current) {
        continue;
      }
      if (item instanceof Ended ended) {
        return new Outcome(ended.reason, updates);
      }
      lastMessage = System.nanoTime();
      updates++;
      handle(((Received) item).update);
    }
    return new Outcome("closed", updates);
  }

  private void handle(ProtectUpdate update) {
    if (update.newUpdateId() != null) {
      lastUpdateId = update.newUpdateId();
    }
    try {
      if ("camera".equals(update.modelKey()) && update.data() != null) {
        cameraChanged(update.id(), update.data());
      }
      for (ProtectDetection detection : events.read(update)) {
        listener.onDetection(detection);
      }
    } catch (RuntimeException e) {
      log.warn(
          "protect session {}: the listener failed on {} {}",
          name,
          update.modelKey(),
          update.id(),
          e);
    }
  }

  private void cameraChanged(String cameraId, Map<String, Object> data) {
    Object state = data.get("state");
    if (state == null) {
      return;
    }
    List<ProtectCamera> updated = new ArrayList<>(cameras);
    for (int i = 0; i < updated.size(); i++) {
      ProtectCamera camera = updated.get(i);
      if (camera.id().equals(cameraId) && !state.toString().equals(camera.state())) {
        ProtectCamera changed =
            new ProtectCamera(
                camera.id(),
                camera.name(),
                camera.type(),
                state.toString(),
                camera.doorbell(),
                camera.smartDetectTypes());
        updated.set(i, changed);
        cameras = List.copyOf(updated);
        listener.onCamera(changed);
        return;
      }
    }
  }

  private void report(String state, String reason, Bootstrap bootstrap) {
    if (closed) {
      return;
    }
    try {
      listener.onState(state, reason, bootstrap);
    } catch (RuntimeException e) {
      log.warn("protect session {}: the listener failed on state {}", name, state, e);
    }
  }

  /** Waits the backoff's step {@code failures}; false when the session closed meanwhile. */
  private boolean pause(int failures) {
    Duration delay = backoff.get(Math.min(failures, backoff.size() - 1));
    try {
      Thread.sleep(delay);
      return !closed;
    } catch (InterruptedException e) {
      return false;
    }
  }

  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  /** Hands the websocket's messages to the session's thread. */
  private final class Forwarder implements ProtectClient.UpdateListener {
    private final int generation;

    Forwarder(int generation) {
      this.generation = generation;
    }

    @Override
    public void onUpdate(ProtectUpdate update) {
      enqueue(new Received(generation, update));
    }

    @Override
    public void onClosed(String reason) {
      enqueue(new Ended(generation, reason));
    }

    private void enqueue(Item item) {
      try {
        while (!closed && !inbox.offer(item, 1, TimeUnit.SECONDS)) {
          log.debug("protect session {}: the queue is full; waiting", name);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
