package dev.argus.collector.camera;

import dev.argus.camera.image.Images;
import dev.argus.camera.image.Jpegs;
import dev.argus.contract.camera.CapturedFrame;
import java.awt.image.BufferedImage;
import java.time.Instant;

/**
 * Captured frames as JPEG ({@link Jpegs}): at most a given width (scaled down keeping the aspect
 * ratio, never up), quality 0.8, which keeps a 640x480 frame near 40-60 KB. Shared with the Protect
 * sessions, whose snapshots and clip frames go out the same way.
 */
public final class FrameJpegs {

  static final float QUALITY = 0.8f;

  private FrameJpegs() {}

  public static CapturedFrame captured(Instant at, BufferedImage image, int maxWidth) {
    BufferedImage fitted = Images.fitWidth(image, maxWidth);
    return new CapturedFrame(
        at, fitted.getWidth(), fitted.getHeight(), Jpegs.encode(fitted, QUALITY, maxWidth));
  }

  public static byte[] jpeg(BufferedImage image, int maxWidth) {
    return Jpegs.encode(image, QUALITY, maxWidth);
  }
}
