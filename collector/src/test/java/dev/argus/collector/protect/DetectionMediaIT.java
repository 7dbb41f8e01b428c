package dev.argus.collector.protect;

import static dev.argus.collector.protect.ProtectFixtures.camera;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.camera.CapturedFrame;
import dev.argus.protect.ProtectClient;
import dev.argus.protect.ProtectDetection;
import dev.argus.protect.ProtectException;
import dev.argus.protect.ProtectTimeouts;
import dev.argus.protect.testing.LoopbackProtectController;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The media of detections fetched with the real client from {@code infra/protect}'s loopback
 * controller (snapshots and clip exports cut by ffmpeg from footage): the snapshot of a
 * single_frame camera, frame_count frames cut from the clip of a multi_frame one, the snapshot when
 * the export fails, and no frames (with the reason) when both fail.
 */
class DetectionMediaIT {

  private static LoopbackProtectController loopback;
  private static ProtectClient client;
  private static ProtectConnection connection;

  private final DetectionMedia media = ProtectSessions.media("ffmpeg", 640, 320, Clock.systemUTC());

  @BeforeAll
  static void start() throws Exception {
    loopback = LoopbackProtectController.start();
    // Two quick attempts: the failures below need not wait out the production retries.
    client =
        new ProtectClient(
            loopback.endpoint(),
            ProtectTimeouts.defaults(),
            new ProtectClient.MediaRetries(2, Duration.ofMillis(100)));
    connection =
        new ProtectConnection() {
          @Override
          public byte[] snapshot(String cameraId, Instant at) throws ProtectException {
            return client.snapshot(cameraId, at);
          }

          @Override
          public byte[] exportClip(String cameraId, Instant start, Instant end)
              throws ProtectException {
            return client.exportClip(cameraId, start, end);
          }

          @Override
          public void close() {}
        };
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (loopback != null) {
      loopback.close();
    }
  }

  private static ProtectDetection detection(String type) {
    return new ProtectDetection(
        LoopbackProtectController.DOORBELL,
        "ev-" + type,
        type,
        null,
        Instant.now().minusSeconds(10),
        null);
  }

  @Test
  void aSingleFrameCameraGetsTheSnapshotOfTheMoment() throws Exception {
    var door = camera("cam-door", "p-1", LoopbackProtectController.DOORBELL);

    DetectionMedia.Media fetched = media.fetch(connection, detection("person"), door);

    assertThat(fetched.problem()).isNull();
    assertThat(fetched.frames()).hasSize(1);
    assertFramesAreJpegsAtMost(fetched, 640);
  }

  @Test
  void aMultiFrameCameraGetsFrameCountFramesCutFromTheClip() throws Exception {
    var door =
        camera("cam-door", "p-1", LoopbackProtectController.DOORBELL, true, "multi_frame", 5);
    ProtectDetection ring = detection("ring");

    DetectionMedia.Media fetched = media.fetch(connection, ring, door);

    assertThat(fetched.problem()).isNull();
    assertThat(fetched.frames()).hasSize(5);
    assertFramesAreJpegsAtMost(fetched, 640);
    assertThat(fetched.frames())
        .extracting(CapturedFrame::capturedAt)
        .isSorted()
        .doesNotHaveDuplicates()
        .allSatisfy(
            at ->
                assertThat(at)
                    .isBetween(
                        ring.start().minus(ProtectSettings.CLIP_BEFORE),
                        ring.start().plus(ProtectSettings.CLIP_AFTER)));
  }

  @Test
  void aFailedExportFallsBackToTheSnapshotAndSaysWhy() throws Exception {
    var door =
        camera("cam-door", "p-1", LoopbackProtectController.DOORBELL, true, "multi_frame", 5);
    // More failures than the client's retries: the export fails, the snapshot after it does not
    int before = loopback.mediaRequests();
    loopback.failMedia(Integer.MAX_VALUE, 503);
    DetectionMedia.Media fetched;
    try {
      fetched = media.fetch(brokenClipsThenHealthy(), detection("package"), door);
    } finally {
      loopback.failMedia(0, 503);
    }

    assertThat(loopback.mediaRequests()).isGreaterThan(before);
    assertThat(fetched.problem()).startsWith("clip: ");
    assertThat(fetched.frames()).hasSize(1);
  }

  @Test
  void whenBothFailTheMediaHasNoFramesAndTheReasons() throws Exception {
    var door =
        camera("cam-door", "p-1", LoopbackProtectController.DOORBELL, true, "multi_frame", 3);
    loopback.failMedia(Integer.MAX_VALUE, 404);
    DetectionMedia.Media fetched;
    try {
      fetched = media.fetch(connection, detection("vehicle"), door);
    } finally {
      loopback.failMedia(0, 404);
    }

    assertThat(fetched.frames()).isEmpty();
    assertThat(fetched.thumbnail()).isNull();
    assertThat(fetched.problem()).startsWith("clip: ").contains("; snapshot: ");
  }

  // The export goes to the failing controller, the snapshot to it once it is healthy again.
  private static ProtectConnection brokenClipsThenHealthy() {
    return new ProtectConnection() {
      @Override
      public byte[] snapshot(String cameraId, Instant at) throws ProtectException {
        loopback.failMedia(0, 503);
        return client.snapshot(cameraId, at);
      }

      @Override
      public byte[] exportClip(String cameraId, Instant start, Instant end)
          throws ProtectException {
        return client.exportClip(cameraId, start, end);
      }

      @Override
      public void close() {}
    };
  }

  private static void assertFramesAreJpegsAtMost(DetectionMedia.Media fetched, int width)
      throws Exception {
    for (CapturedFrame frame : fetched.frames()) {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(frame.jpeg()));
      assertThat(image).isNotNull();
      assertThat(image.getWidth()).isEqualTo(frame.width()).isLessThanOrEqualTo(width);
      assertThat(image.getHeight()).isEqualTo(frame.height());
    }
    BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(fetched.thumbnail()));
    assertThat(thumbnail.getWidth()).isLessThanOrEqualTo(320);
  }
}
