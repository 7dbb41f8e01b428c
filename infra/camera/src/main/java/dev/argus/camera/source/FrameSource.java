package dev.argus.camera.source;

/**
 * A running connection to one camera. {@link #stream} blocks on the caller's thread, delivering
 * frames until {@link #close} is called (it then returns normally) or the source fails (it throws).
 * A source is used once: a reconnect opens a new one.
 */
public interface FrameSource extends AutoCloseable {

  /**
   * Reads frames until closed.
   *
   * @throws SourceFailure when the camera cannot be reached, refuses, or its stream ends or cannot
   *     be decoded; its reason is what an operator should read
   */
  void stream(FrameListener listener) throws SourceFailure;

  /** Stops reading (from any thread); kills the decoder process if there is one. Idempotent. */
  @Override
  void close();
}
