package dev.argus.camera.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.camera.testing.Footage;
import dev.argus.camera.testing.RtspCamera;
import org.junit.jupiter.api.Test;

/**
 * The footage of people (OpenCV's 768x576 car park, cached at 384x288 by fetch-footage.sh) replayed
 * by the RTSP camera decodes, and the pedestrians move. Skips when the footage is not cached.
 */
class FootageIT {

  @Test
  void theFootageStreamsAndPeopleMoveInIt() throws Exception {
    Footage.path();
    try (RtspCamera camera = RtspCamera.start();
        Streaming run =
            Streaming.start(
                CameraSources.factory()
                    .open(
                        new SourceSpec(
                            "rtsp", camera.url(RtspCamera.FOOTAGE), "tcp", null, null, null),
                        2,
                        640))) {
      Frame first = run.nextFrame();
      Frame later = first;
      for (int i = 0; i < 4; i++) {
        later = run.nextFrame();
      }

      assertThat(run.infos).first().isEqualTo(new StreamInfo(384, 288, 10.0, "h264"));
      assertThat(first.image().getWidth()).isEqualTo(384);
      assertThat(RtspSourceIT.pixels(later.image()))
          .isNotEqualTo(RtspSourceIT.pixels(first.image()));
    }
  }
}
