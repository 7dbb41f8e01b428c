package dev.argus.protect;

import static dev.argus.protect.testing.LoopbackProtectController.FRONT_CAMERA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.camera.testing.Footage;
import dev.argus.protect.ProtectClient.MediaRetries;
import dev.argus.protect.ProtectException.Kind;
import dev.argus.protect.testing.LoopbackProtectController;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots and clip exports from the loopback controller, cut by ffmpeg from the real footage of
 * people: the JPEG decodes, the MP4 is a playable H.264 video of the asked length, and 404/503
 * while the controller "prepares" the media are retried. Skips when the footage is not cached
 * (infra/bin/fetch-footage.sh).
 */
class ProtectMediaIT {

  private static final ProtectTimeouts TIMEOUTS =
      new ProtectTimeouts(
          Duration.ofSeconds(5),
          Duration.ofSeconds(20),
          Duration.ofSeconds(60),
          Duration.ofSeconds(60));
  private static final MediaRetries QUICK = new MediaRetries(3, Duration.ofMillis(50));

  private static LoopbackProtectController controller;

  @BeforeAll
  static void startController() throws Exception {
    Footage.path();
    controller = LoopbackProtectController.start();
  }

  @AfterAll
  static void stopController() {
    if (controller != null) {
      controller.close();
    }
  }

  @Test
  void aSnapshotIsAJpegOfTheFootage() throws Exception {
    assertThat(controller.realFootage()).isTrue();
    try (ProtectClient client = new ProtectClient(controller.endpoint(), TIMEOUTS, QUICK)) {
      byte[] jpeg = client.snapshot(FRONT_CAMERA, Instant.ofEpochMilli(1_733_000_012_000L));

      BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
      assertThat(jpeg[0]).isEqualTo((byte) 0xFF);
      assertThat(jpeg[1]).isEqualTo((byte) 0xD8);
      assertThat(image.getWidth()).isEqualTo(384);
      assertThat(image.getHeight()).isEqualTo(288);
    }
  }

  @Test
  void aClipExportIsAPlayableMp4OfTheAskedLength(@TempDir Path directory) throws Exception {
    try (ProtectClient client = new ProtectClient(controller.endpoint(), TIMEOUTS, QUICK)) {
      Instant start = Instant.ofEpochMilli(1_733_000_020_000L);
      byte[] mp4 = client.exportClip(FRONT_CAMERA, start, start.plusSeconds(4));

      Path file = directory.resolve("clip.mp4");
      Files.write(file, mp4);
      List<String> probe =
          run(
              "ffprobe",
              "-v",
              "error",
              "-count_frames",
              "-select_streams",
              "v:0",
              "-show_entries",
              "stream=codec_name,width,height,nb_read_frames",
              "-of",
              "default=noprint_wrappers=1",
              file.toString());
      assertThat(probe).contains("codec_name=h264", "width=384", "height=288");
      int frames =
          Integer.parseInt(
              probe.stream()
                  .filter(l -> l.startsWith("nb_read_frames="))
                  .findFirst()
                  .orElseThrow()
                  .substring(15));
      // 4 s at 10 fps, from the keyframe at or before the start (every 2 s).
      assertThat(frames).isBetween(40, 61);
    }
  }

  @Test
  void aSnapshotThatIsNotReadyYetIsAskedForAgain() throws Exception {
    try (ProtectClient client = new ProtectClient(controller.endpoint(), TIMEOUTS, QUICK)) {
      client.bootstrap();
      int before = controller.mediaRequests();
      controller.failMedia(2, 404);

      byte[] jpeg = client.snapshot(FRONT_CAMERA, Instant.ofEpochMilli(1_733_000_030_000L));

      assertThat(ImageIO.read(new ByteArrayInputStream(jpeg))).isNotNull();
      assertThat(controller.mediaRequests()).isEqualTo(before + 3);
    }
  }

  @Test
  void aClipExportOfABusyControllerIsAskedForAgain() throws Exception {
    try (ProtectClient client = new ProtectClient(controller.endpoint(), TIMEOUTS, QUICK)) {
      client.bootstrap();
      int before = controller.mediaRequests();
      controller.failMedia(2, 503);
      Instant start = Instant.ofEpochMilli(1_733_000_040_000L);

      byte[] mp4 = client.exportClip(FRONT_CAMERA, start, start.plusSeconds(2));

      assertThat(new String(mp4, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
      assertThat(controller.mediaRequests()).isEqualTo(before + 3);
    }
  }

  @Test
  void mediaStillMissingAfterTheLastTryIsNotFound() throws Exception {
    try (ProtectClient client = new ProtectClient(controller.endpoint(), TIMEOUTS, QUICK)) {
      client.bootstrap();
      int before = controller.mediaRequests();
      controller.failMedia(5, 404);
      try {
        assertThatThrownBy(() -> client.snapshot(FRONT_CAMERA, Instant.now()))
            .isInstanceOfSatisfying(
                ProtectException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
            .hasMessage(
                "the snapshot of camera "
                    + FRONT_CAMERA
                    + " is not there: still 404 Not Found after 3 tries");
        assertThat(controller.mediaRequests()).isEqualTo(before + 3);
      } finally {
        controller.failMedia(0, 404);
      }
    }
  }

  private static List<String> run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output.lines().toList();
  }
}
