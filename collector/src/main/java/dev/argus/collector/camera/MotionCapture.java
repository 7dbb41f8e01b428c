package dev.argus.collector.camera;

import dev.argus.camera.source.Frame;
import dev.argus.collector.camera.motion.Motion;
import dev.argus.contract.camera.CameraConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames captured for one motion reading: the frame of the motion, and for {@code multi_frame}
 * every {@code stride}-th analysed frame after it until {@code frame_count} are there, so that they
 * spread over about {@link #SPAN} (at 5 fps and 5 frames: 0, 0.4, 0.8, 1.2, 1.6 s). A slower
 * analysis takes every frame, and then spans longer.
 */
final class MotionCapture {

  static final String MULTI_FRAME = "multi_frame";
  static final int MAX_FRAMES = 10;
  static final Duration SPAN = Duration.ofMillis(1500);

  private final Motion motion;
  private final int wanted;
  private final int stride;
  private final List<Frame> frames = new ArrayList<>();
  private int analysedSince;

  MotionCapture(Frame first, Motion motion, CameraConfig camera) {
    this.motion = motion;
    this.wanted =
        MULTI_FRAME.equals(camera.analysisMode())
            ? Math.clamp(camera.frameCount(), 1, MAX_FRAMES)
            : 1;
    this.stride =
        wanted <= 1
            ? 1
            : Math.max(
                1,
                (int) Math.round(SPAN.toMillis() / 1000.0 * camera.analysisFps() / (wanted - 1)));
    frames.add(first);
  }

  /** Offers the next analysed frame; returns whether the capture is complete. */
  boolean add(Frame frame) {
    if (complete()) {
      return true;
    }
    analysedSince++;
    if (analysedSince % stride == 0) {
      frames.add(frame);
    }
    return complete();
  }

  boolean complete() {
    return frames.size() >= wanted;
  }

  Motion motion() {
    return motion;
  }

  List<Frame> frames() {
    return List.copyOf(frames);
  }
}
