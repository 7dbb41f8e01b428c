package dev.argus.collector.camera;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.camera.source.Frame;
import dev.argus.collector.testing.SyntheticCamera;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameBufferTest {

  private static Frame frame(int second) {
    return new Frame(Instant.ofEpochSecond(second), SyntheticCamera.still());
  }

  @Test
  void aFullBufferDropsTheOldestFramesAndCountsThem() throws InterruptedException {
    var buffer = new FrameBuffer(3);

    for (int second = 1; second <= 5; second++) {
      buffer.offer(frame(second));
    }

    List<Long> kept = new ArrayList<>();
    Frame next;
    while ((next = buffer.poll(Duration.ZERO)) != null) {
      kept.add(next.capturedAt().getEpochSecond());
    }
    assertThat(kept).containsExactly(3L, 4L, 5L);
    assertThat(buffer.dropped()).isEqualTo(2);
  }

  @Test
  void aBufferThatKeepsUpDropsNothing() throws InterruptedException {
    var buffer = new FrameBuffer(2);

    for (int second = 1; second <= 5; second++) {
      buffer.offer(frame(second));
      assertThat(buffer.poll(Duration.ZERO).capturedAt().getEpochSecond()).isEqualTo(second);
    }

    assertThat(buffer.dropped()).isZero();
  }
}
