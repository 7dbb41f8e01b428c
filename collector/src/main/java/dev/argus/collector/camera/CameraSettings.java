package dev.argus.collector.camera;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this collector runs its cameras ({@code argus.camera.*}), validated when bound.
 *
 * @param maxFrameWidth {@code ARGUS_CAMERA_MAX_FRAME_WIDTH}: frames are decoded at most this wide
 *     (the height keeps the aspect ratio) and captured as JPEGs of that size; 640 keeps a reading
 *     of 10 frames well under the 8 MB record limit and is what vision models read well
 * @param statusInterval {@code ARGUS_CAMERA_STATUS_INTERVAL}: a status (with the measured fps) is
 *     published this often while a worker runs, besides every change of state
 * @param frameBuffer {@code ARGUS_CAMERA_FRAME_BUFFER}: decoded frames waiting for the analysis;
 *     when the analysis falls behind the oldest are dropped (and counted), so it always works on
 *     the newest picture
 * @param greyWidth {@code ARGUS_CAMERA_GREY_WIDTH}: the width of the grey picture motion is judged
 *     on
 * @param greyHeight {@code ARGUS_CAMERA_GREY_HEIGHT}: its height
 */
@ConfigurationProperties("argus.camera")
public record CameraSettings(
    Integer maxFrameWidth,
    Duration statusInterval,
    Integer frameBuffer,
    Integer greyWidth,
    Integer greyHeight) {

  /** Thumbnails of motion readings are at most this wide (and at most the frame width). */
  public static final int THUMBNAIL_WIDTH = 320;

  public CameraSettings {
    maxFrameWidth = maxFrameWidth == null ? 640 : maxFrameWidth;
    statusInterval = statusInterval == null ? Duration.ofSeconds(30) : statusInterval;
    frameBuffer = frameBuffer == null ? 8 : frameBuffer;
    greyWidth = greyWidth == null ? 160 : greyWidth;
    greyHeight = greyHeight == null ? 120 : greyHeight;
    requireBetween(
        maxFrameWidth, 64, 3840, "argus.camera.max-frame-width (ARGUS_CAMERA_MAX_FRAME_WIDTH)");
    if (statusInterval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "argus.camera.status-interval (ARGUS_CAMERA_STATUS_INTERVAL) must be at least 1s, was "
              + statusInterval);
    }
    requireBetween(frameBuffer, 1, 1000, "argus.camera.frame-buffer (ARGUS_CAMERA_FRAME_BUFFER)");
    requireBetween(greyWidth, 16, 1280, "argus.camera.grey-width (ARGUS_CAMERA_GREY_WIDTH)");
    requireBetween(greyHeight, 12, 960, "argus.camera.grey-height (ARGUS_CAMERA_GREY_HEIGHT)");
  }

  /** The defaults. */
  public static CameraSettings defaults() {
    return new CameraSettings(null, null, null, null, null);
  }

  public int thumbnailWidth() {
    return Math.min(THUMBNAIL_WIDTH, maxFrameWidth);
  }

  private static void requireBetween(int value, int min, int max, String setting) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          setting + " must be between " + min + " and " + max + ", was " + value);
    }
  }
}
