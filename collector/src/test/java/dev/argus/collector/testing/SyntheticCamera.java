package dev.argus.collector.testing;

import dev.argus.camera.source.Frame;
import dev.argus.camera.source.FrameListener;
import dev.argus.camera.source.FrameSource;
import dev.argus.camera.source.FrameSourceFactory;
import dev.argus.camera.source.SourceFailure;
import dev.argus.camera.source.SourceSpec;
import dev.argus.camera.source.StreamInfo;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-test camera: frames drawn with Java2D at the rate the worker asks for, in real time. The
 * scene is a still picture (a gradient with fixed shapes) or the same picture with a white box
 * moving across it. Failures can be scripted: the next opens fail, or the running stream breaks.
 * Every open is recorded, so tests see reconnects and the (decrypted) spec a worker used.
 */
public final class SyntheticCamera implements FrameSourceFactory {

  public static final int WIDTH = 320;
  public static final int HEIGHT = 240;
  public static final int BOX = 40;
  public static final int BOX_TOP = 100;
  public static final int BOX_STEP = 12;

  /** What the camera shows. */
  public enum Scene {
    STILL,
    MOVING_BOX,
    /**
     * 640x480 of random pixels, new in every frame: motion everywhere, and JPEGs that are large.
     */
    NOISE
  }

  /** One call of {@link #open}. */
  public record Opened(SourceSpec spec, double fps, int maxWidth) {}

  private final List<Opened> opens = new CopyOnWriteArrayList<>();
  private final Queue<SourceFailure> failingOpens = new ConcurrentLinkedQueue<>();
  private final AtomicReference<SourceFailure> cut = new AtomicReference<>();
  private volatile Scene scene;
  private volatile double deliveredFps;

  public SyntheticCamera(Scene scene) {
    this.scene = scene;
  }

  public void scene(Scene scene) {
    this.scene = scene;
  }

  /** Deliver at this rate instead of the rate asked for (e.g. faster than the analysis). */
  public void deliverAt(double fps) {
    this.deliveredFps = fps;
  }

  /** The next opened sources fail with these, one each, before any frame. */
  public void failNextOpens(SourceFailure... failures) {
    failingOpens.addAll(List.of(failures));
  }

  /** The running stream throws this before its next frame. */
  public void cut(SourceFailure failure) {
    cut.set(failure);
  }

  public List<Opened> opens() {
    return List.copyOf(opens);
  }

  @Override
  public FrameSource open(SourceSpec spec, double analysisFps, int maxWidth) {
    opens.add(new Opened(spec, analysisFps, maxWidth));
    SourceFailure failing = failingOpens.poll();
    return new Source(failing, deliveredFps > 0 ? deliveredFps : analysisFps);
  }

  /** The still picture. */
  public static BufferedImage still() {
    var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      for (int x = 0; x < WIDTH; x++) {
        int grey = 60 + x * 100 / WIDTH;
        g.setColor(new Color(grey, grey, grey));
        g.drawLine(x, 0, x, HEIGHT);
      }
      g.setColor(new Color(30, 90, 30));
      g.fillRect(20, 20, 60, 40);
      g.setColor(new Color(150, 60, 60));
      g.fillOval(220, 30, 50, 50);
    } finally {
      g.dispose();
    }
    return image;
  }

  /** The still picture with the box at frame {@code index}'s place. */
  public static BufferedImage withBox(int index) {
    BufferedImage image = still();
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(boxLeft(index), BOX_TOP, BOX, BOX);
    } finally {
      g.dispose();
    }
    return image;
  }

  /** A picture of 640x480 random pixels. */
  public static BufferedImage noise() {
    var image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    var random = java.util.concurrent.ThreadLocalRandom.current();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    return image;
  }

  /** Where the moving box's left edge is in frame {@code index}. */
  public static int boxLeft(int index) {
    return (index * BOX_STEP) % (WIDTH - BOX);
  }

  private final class Source implements FrameSource {

    private final SourceFailure failing;
    private final double fps;
    private final CountDownLatch closed = new CountDownLatch(1);

    Source(SourceFailure failing, double fps) {
      this.failing = failing;
      this.fps = fps;
    }

    @Override
    public void stream(FrameListener listener) throws SourceFailure {
      if (failing != null) {
        throw failing;
      }
      cut.set(null);
      listener.onStreamInfo(new StreamInfo(WIDTH, HEIGHT, fps, "synthetic"));
      long periodNanos = (long) (1e9 / fps);
      for (int index = 0; ; index++) {
        try {
          if (closed.await(periodNanos, TimeUnit.NANOSECONDS)) {
            return;
          }
        } catch (InterruptedException e) {
          return;
        }
        SourceFailure failure = cut.getAndSet(null);
        if (failure != null) {
          throw failure;
        }
        BufferedImage image =
            switch (scene) {
              case STILL -> still();
              case MOVING_BOX -> withBox(index);
              case NOISE -> noise();
            };
        listener.onFrame(new Frame(Instant.now(), image));
      }
    }

    @Override
    public void close() {
      closed.countDown();
    }
  }
}
