package dev.argus.protect;

import java.util.List;

/**
 * Keeps one controller connected: login and bootstrap, then the updates websocket from the
 * bootstrap's {@code lastUpdateId}; on a drop, an error or a silence longer than {@link
 * ProtectTimeouts#receive} it reconnects after 1, 2, 4, 8, 16, then every 30 s, and bootstraps
 * again. Runs on a thread of its own from {@link #start} to {@link #close}.
 */
public final class ProtectSession implements AutoCloseable {

  /** What a session reports. Called on the session's thread; keep it quick. */
  public interface Listener {
    /** Connected ({@code bootstrap} set), connecting, or in error ({@code reason} set). */
    void onState(String state, String reason, Bootstrap bootstrap);

    /** A motion, smart detection or ring of one of the controller's cameras. */
    void onDetection(ProtectDetection detection);
  }

  public ProtectSession(
      String name, ProtectClient client, ProtectTimeouts timeouts, Listener listener) {}

  public void start() {
    throw new UnsupportedOperationException("not yet");
  }

  /** The cameras of the last bootstrap; empty before the first. */
  public List<ProtectCamera> cameras() {
    return List.of();
  }

  @Override
  public void close() {}
}
