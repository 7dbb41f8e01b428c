package dev.argus.camera.scene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.camera.scene.SyntheticScene.Movement;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticSceneTest {

  private static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  private static Duration s(double seconds) {
    return Duration.ofMillis((long) (seconds * 1000));
  }

  @Test
  void aStillSceneNeverChanges() {
    SyntheticScene scene = SyntheticScene.still(320, 240);

    assertThat(pixels(scene.frameAt(s(0)))).isEqualTo(pixels(scene.frameAt(s(37.5))));
  }

  @Test
  void theBoxMovesOnlyDuringItsIntervalsAndRestsWhereItStopped() {
    SyntheticScene scene =
        new SyntheticScene(320, 240, List.of(new Movement(s(2), s(4))), null, 40);

    assertThat(pixels(scene.frameAt(s(0.5)))).isEqualTo(pixels(scene.frameAt(s(1.9))));
    assertThat(pixels(scene.frameAt(s(2.5)))).isNotEqualTo(pixels(scene.frameAt(s(3.5))));
    assertThat(pixels(scene.frameAt(s(5)))).isEqualTo(pixels(scene.frameAt(s(60))));
    assertThat(scene.boxAt(s(5))[0]).isEqualTo(80);
    assertThat(scene.movingAt(s(3))).isTrue();
    assertThat(scene.movingAt(s(4))).isFalse();
  }

  @Test
  void aRepeatingSceneMovesAtTheStartOfEveryPeriod() {
    SyntheticScene scene = SyntheticScene.repeating(320, 240, s(30), s(5));

    assertThat(scene.movingAt(s(31))).isTrue();
    assertThat(scene.movingAt(s(36))).isFalse();
    assertThat(scene.travelledSeconds(s(62))).isEqualTo(12.0);
    assertThat(pixels(scene.frameAt(s(36)))).isEqualTo(pixels(scene.frameAt(s(59))));
  }

  @Test
  void theSamePointInTimeDrawsTheSamePicture() {
    SyntheticScene scene = SyntheticScene.moving(160, 120);

    assertThat(pixels(scene.frame(17, 5))).isEqualTo(pixels(scene.frameAt(s(3.4))));
  }

  @Test
  void theBoxStaysInsideThePicture() {
    SyntheticScene scene = SyntheticScene.moving(200, 100);

    for (int second = 0; second < 120; second++) {
      int[] box = scene.boxAt(s(second));
      assertThat(box[0]).isBetween(0, 200 - box[2]);
    }
  }
}
