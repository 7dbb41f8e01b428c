package dev.argus.collector.protect;

import dev.argus.collector.camera.FrameJpegs;
import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.camera.CapturedFrame;
import dev.argus.protect.ProtectDetection;
import dev.argus.protect.ProtectException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The frames of a detection, as the camera's analysis mode asks:
 *
 * <ul>
 *   <li>{@code single_frame}: the controller's snapshot of the moment;
 *   <li>{@code multi_frame}: {@code frame_count} frames cut by ffmpeg ({@link ClipFrames}) from the
 *       clip export of {@link ProtectSettings#CLIP_BEFORE} before to {@link
 *       ProtectSettings#CLIP_AFTER} after the detection's start, once that footage exists; the
 *       snapshot when the export or the cut fails.
 * </ul>
 *
 * Frames are JPEGs at most the collector's frame width ({@link FrameJpegs}), with a thumbnail of
 * the first. A failure is returned as the media's {@code problem} (no frames), never thrown: the
 * detection is published either way.
 */
public final class DetectionMedia {

  /** What a detection's reading carries, and why it carries less when it does. */
  record Media(List<CapturedFrame> frames, byte[] thumbnail, String problem) {

    static Media none(String problem) {
      return new Media(List.of(), null, problem);
    }
  }

  private final ClipFrames clips;
  private final int maxWidth;
  private final int thumbnailWidth;
  private final Clock clock;

  DetectionMedia(ClipFrames clips, int maxWidth, int thumbnailWidth, Clock clock) {
    this.clips = clips;
    this.maxWidth = maxWidth;
    this.thumbnailWidth = thumbnailWidth;
    this.clock = clock;
  }

  Media fetch(ProtectConnection connection, ProtectDetection detection, CameraConfig camera)
      throws InterruptedException {
    String clipProblem = null;
    if ("multi_frame".equals(camera.analysisMode()) && camera.frameCount() > 1) {
      try {
        Media fromClip = fromClip(connection, detection, camera.frameCount());
        if (!fromClip.frames().isEmpty()) {
          return fromClip;
        }
      } catch (ProtectException | IOException e) {
        clipProblem = "clip: " + e.getMessage();
      }
    }
    try {
      Media snapshot = fromSnapshot(connection, detection);
      return clipProblem == null
          ? snapshot
          : new Media(snapshot.frames(), snapshot.thumbnail(), clipProblem);
    } catch (ProtectException | IOException e) {
      return Media.none(
          (clipProblem == null ? "" : clipProblem + "; ") + "snapshot: " + e.getMessage());
    }
  }

  private Media fromClip(ProtectConnection connection, ProtectDetection detection, int count)
      throws ProtectException, IOException, InterruptedException {
    Instant start = detection.start().minus(ProtectSettings.CLIP_BEFORE);
    Instant end = detection.start().plus(ProtectSettings.CLIP_AFTER);
    // The controller can only export what it has recorded: wait until the clip's end has passed
    // (at most the clip's tail, should the controller's clock run ahead of ours).
    Duration wait = Duration.between(clock.instant(), end);
    if (wait.isPositive()) {
      Thread.sleep(Math.min(wait.toMillis(), ProtectSettings.CLIP_AFTER.toMillis()));
    }
    byte[] mp4 = connection.exportClip(detection.cameraId(), start, end);
    List<ClipFrames.ClipFrame> cut = clips.cut(mp4, count);
    List<CapturedFrame> frames = new ArrayList<>();
    for (ClipFrames.ClipFrame frame : cut) {
      frames.add(FrameJpegs.captured(start.plus(frame.offset()), frame.image(), maxWidth));
    }
    return new Media(
        frames,
        cut.isEmpty() ? null : FrameJpegs.jpeg(cut.getFirst().image(), thumbnailWidth),
        null);
  }

  private Media fromSnapshot(ProtectConnection connection, ProtectDetection detection)
      throws ProtectException, IOException {
    byte[] jpeg = connection.snapshot(detection.cameraId(), detection.start());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
    if (image == null) {
      throw new IOException(
          "the controller's snapshot is not an image (" + jpeg.length + " bytes)");
    }
    return new Media(
        List.of(FrameJpegs.captured(detection.start(), image, maxWidth)),
        FrameJpegs.jpeg(image, thumbnailWidth),
        null);
  }
}
