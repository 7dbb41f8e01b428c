package dev.argus.protect;

import java.time.Instant;

/**
 * One logged-in connection to a controller. Requests log in on first use and once more when the
 * controller answers 401 (the session cookie expired). Thread-safe.
 */
public final class ProtectClient implements AutoCloseable {

  private final ProtectEndpoint endpoint;
  private final ProtectTimeouts timeouts;

  public ProtectClient(ProtectEndpoint endpoint, ProtectTimeouts timeouts) {
    this.endpoint = endpoint;
    this.timeouts = timeouts;
  }

  /** {@code GET /proxy/protect/api/bootstrap}, logging in first when needed. */
  public Bootstrap bootstrap() throws ProtectException {
    throw new UnsupportedOperationException("not yet");
  }

  /** A JPEG of the camera at (about) {@code at}; retried on 404/502/503/504. */
  public byte[] snapshot(String cameraId, Instant at) throws ProtectException {
    throw new UnsupportedOperationException("not yet");
  }

  /** An MP4 clip of the camera between the two instants; retried on 404/502/503/504. */
  public byte[] exportClip(String cameraId, Instant start, Instant end) throws ProtectException {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Opens the updates websocket from {@code lastUpdateId}; every message goes to the listener on
   * the client's thread until {@link Subscription#close} or the socket ends ({@link
   * UpdateListener#onClosed}).
   */
  public Subscription subscribe(String lastUpdateId, UpdateListener listener)
      throws ProtectException {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public void close() {}

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
  }
}
