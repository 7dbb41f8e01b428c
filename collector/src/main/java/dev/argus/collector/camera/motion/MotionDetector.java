package dev.argus.collector.camera.motion;

import dev.argus.contract.camera.RelativeBox;
import java.time.Clock;
import java.util.Optional;

/**
 * Finds motion in a camera's grey frames by comparing each with a running background.
 *
 * <p>The background is an exponential average of the frames: {@link #BACKGROUND_RATE} of each new
 * frame where the pixel has not changed, so that a slow change of light follows it, and the smaller
 * {@link #FOREGROUND_RATE} where it has, so that something moving leaves no ghost behind while a
 * car that parks and stays still fades into it within half a minute. A pixel has changed when its
 * luma differs from the background by more than {@link #PIXEL_THRESHOLD}; there is motion when the
 * changed pixels are more than the sensitivity's fraction of the watched ones ({@link
 * MotionSensitivity}, {@link ZoneMask}). The first {@link #WARM_UP_FRAMES} frames only build the
 * background (a camera's first frames after connecting often still adjust their exposure), and
 * outside the schedule's window ({@link DetectionWindow}) the background keeps learning but nothing
 * is reported.
 *
 * <p>One detector per camera, fed by one thread; {@link #apply} may come from another.
 */
public final class MotionDetector {

  /** Luma levels (of 255) by which a pixel must differ from the background to count. */
  public static final int PIXEL_THRESHOLD = 25;

  /** The weight of a new frame in the background where the pixel did not change. */
  public static final double BACKGROUND_RATE = 0.05;

  /**
   * The weight of a new frame in the background where the pixel changed: an object that covered a
   * place for 4 frames leaves 4 % of its contrast there (under {@link #PIXEL_THRESHOLD} even for
   * white on black), and one that stays (a parked car, a light switched on) is absorbed after about
   * 140 frames, 28 s at 5 fps.
   */
  public static final double FOREGROUND_RATE = 0.01;

  /** Frames that only build the background after a (re)start. */
  public static final int WARM_UP_FRAMES = 5;

  private final int width;
  private final int height;
  private final Clock clock;
  private volatile MotionSettings settings;
  private volatile ZoneMask mask;
  private float[] background;
  private int framesSeen;

  /**
   * @param width the grey frames' width
   * @param height the grey frames' height
   * @param clock decides whether the schedule's window is open
   */
  public MotionDetector(int width, int height, MotionSettings settings, Clock clock) {
    this.width = width;
    this.height = height;
    this.clock = clock;
    apply(settings);
  }

  /** Takes new settings (sensitivity, zones, schedule) for the next frame; the background stays. */
  public void apply(MotionSettings settings) {
    this.mask = ZoneMask.of(settings.zones(), width, height);
    this.settings = settings;
  }

  /** Forgets the background, e.g. after the camera reconnected: the next frames warm up again. */
  public void reset() {
    background = null;
    framesSeen = 0;
  }

  /**
   * Compares one frame with the background, then lets the frame into the background.
   *
   * @return motion when enough watched pixels changed, the warm-up is over and the schedule is open
   * @throws IllegalArgumentException when the frame is not of the detector's size
   */
  public Optional<Motion> analyse(GreyFrame frame) {
    if (frame.width() != width || frame.height() != height) {
      throw new IllegalArgumentException(
          "the detector compares "
              + width
              + "x"
              + height
              + " frames, was given "
              + frame.width()
              + "x"
              + frame.height());
    }
    if (background == null) {
      background = new float[width * height];
      for (int i = 0; i < background.length; i++) {
        background[i] = frame.at(i);
      }
      framesSeen = 1;
      return Optional.empty();
    }
    ZoneMask watched = mask;
    int changed = 0;
    int left = width;
    int top = height;
    int right = -1;
    int bottom = -1;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int i = y * width + x;
        int luma = frame.at(i);
        boolean differs = Math.abs(luma - background[i]) > PIXEL_THRESHOLD;
        if (differs && watched.watches(i)) {
          changed++;
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
        background[i] +=
            (float) ((differs ? FOREGROUND_RATE : BACKGROUND_RATE) * (luma - background[i]));
      }
    }
    framesSeen++;
    if (framesSeen <= WARM_UP_FRAMES || watched.watchedCount() == 0 || changed == 0) {
      return Optional.empty();
    }
    MotionSettings current = settings;
    double score = (double) changed / watched.watchedCount();
    if (score <= current.sensitivity().changedFraction()
        || !current.window().isOpen(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(
        new Motion(
            score,
            new RelativeBox(
                (double) left / width,
                (double) top / height,
                (double) (right - left + 1) / width,
                (double) (bottom - top + 1) / height)));
  }
}
