package dev.argus.collector.camera;

import dev.argus.camera.source.Frame;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The frames between a camera's reading thread and its analysis. Bounded, and full it drops the
 * oldest frame: the reading thread must never block (the decoder would stall and the camera drop
 * the connection), and motion is judged best on the newest picture.
 */
final class FrameBuffer {

  private final BlockingQueue<Frame> frames;
  private final AtomicLong dropped = new AtomicLong();

  FrameBuffer(int capacity) {
    this.frames = new ArrayBlockingQueue<>(capacity);
  }

  /** Adds a frame, dropping the oldest ones while full; one thread offers. */
  void offer(Frame frame) {
    while (!frames.offer(frame)) {
      if (frames.poll() != null) {
        dropped.incrementAndGet();
      }
    }
  }

  /** The oldest frame, waiting up to {@code timeout}; null when none arrived. */
  Frame poll(Duration timeout) throws InterruptedException {
    return frames.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Frames dropped since the buffer was made. */
  long dropped() {
    return dropped.get();
  }

  void clear() {
    frames.clear();
  }
}
