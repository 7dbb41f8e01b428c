package dev.argus.collector.camera.motion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.argus.collector.testing.SyntheticCamera;
import dev.argus.contract.camera.DetectionSchedule;
import dev.argus.contract.camera.DetectionZone;
import dev.argus.contract.camera.RelativeBox;
import dev.argus.contract.camera.ZonePoint;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MotionDetectorTest {

  private static final int GREY_WIDTH = 160;
  private static final int GREY_HEIGHT = 120;
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);

  private static MotionDetector detector(MotionSensitivity sensitivity, List<DetectionZone> zones) {
    return detector(sensitivity, zones, null, CLOCK);
  }

  private static MotionDetector detector(
      MotionSensitivity sensitivity,
      List<DetectionZone> zones,
      DetectionSchedule schedule,
      Clock clock) {
    return new MotionDetector(
        GREY_WIDTH,
        GREY_HEIGHT,
        new MotionSettings(sensitivity, zones, DetectionWindow.of(schedule)),
        clock);
  }

  private static GreyFrame grey(BufferedImage image) {
    return GreyFrame.of(image, GREY_WIDTH, GREY_HEIGHT);
  }

  /** Feeds the still scene through the warm-up. */
  private static void warmUp(MotionDetector detector) {
    for (int i = 0; i < MotionDetector.WARM_UP_FRAMES + 1; i++) {
      assertThat(detector.analyse(grey(SyntheticCamera.still()))).isEmpty();
    }
  }

  private static BufferedImage stillWithBox(int left, int top, int width, int height) {
    BufferedImage image = SyntheticCamera.still();
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(left, top, width, height);
    g.dispose();
    return image;
  }

  private static DetectionZone zone(double left, double top, double right, double bottom) {
    return new DetectionZone(
        "zone",
        List.of(
            new ZonePoint(left, top),
            new ZonePoint(right, top),
            new ZonePoint(right, bottom),
            new ZonePoint(left, bottom)),
        true);
  }

  @Test
  void aStillSceneIsNoMotion() {
    MotionDetector detector = detector(MotionSensitivity.HIGH, List.of());

    for (int i = 0; i < 50; i++) {
      assertThat(detector.analyse(grey(SyntheticCamera.still()))).as("frame %d", i).isEmpty();
    }
  }

  @Test
  void aMovingBoxIsMotionWhereTheBoxIs() {
    MotionDetector detector = detector(MotionSensitivity.MEDIUM, List.of());
    warmUp(detector);

    for (int index = 0; index < 20; index++) {
      Optional<Motion> motion = detector.analyse(grey(SyntheticCamera.withBox(index)));

      assertThat(motion).as("frame %d", index).isPresent();
      RelativeBox box = motion.get().box();
      double pixel = 1.0 / GREY_WIDTH;
      assertThat(box.x())
          .isCloseTo(
              (double) SyntheticCamera.boxLeft(index) / SyntheticCamera.WIDTH, within(pixel));
      assertThat(box.y())
          .isCloseTo((double) SyntheticCamera.BOX_TOP / SyntheticCamera.HEIGHT, within(pixel));
      assertThat(box.width())
          .isCloseTo((double) SyntheticCamera.BOX / SyntheticCamera.WIDTH, within(2 * pixel));
      assertThat(box.height())
          .isCloseTo((double) SyntheticCamera.BOX / SyntheticCamera.HEIGHT, within(2 * pixel));
      // 20x20 of 160x120 grey pixels
      assertThat(motion.get().score()).isCloseTo(400.0 / 19_200, within(0.002));
    }
  }

  @Test
  void theWarmUpGivesNoVerdictWhileTheBackgroundSettles() {
    MotionDetector detector = detector(MotionSensitivity.HIGH, List.of());

    List<Optional<Motion>> verdicts = new ArrayList<>();
    for (int index = 0; index < MotionDetector.WARM_UP_FRAMES + 2; index++) {
      // the box is there from the first frame: the background learns it a little
      verdicts.add(detector.analyse(grey(SyntheticCamera.withBox(index))));
    }

    assertThat(verdicts.subList(0, MotionDetector.WARM_UP_FRAMES)).allMatch(Optional::isEmpty);
    assertThat(verdicts.getLast()).isPresent();
  }

  @Test
  void aZoneThatLeavesOutTheMovingAreaSeesNoMotion() {
    // the box moves in the band 100..140 of 240 px; the zone watches the top third only
    MotionDetector masked = detector(MotionSensitivity.HIGH, List.of(zone(0, 0, 1, 0.33)));
    MotionDetector watching = detector(MotionSensitivity.HIGH, List.of(zone(0, 0.33, 1, 0.66)));
    warmUp(masked);
    warmUp(watching);

    for (int index = 0; index < 20; index++) {
      GreyFrame frame = grey(SyntheticCamera.withBox(index));
      assertThat(masked.analyse(frame)).as("masked, frame %d", index).isEmpty();
      assertThat(watching.analyse(frame)).as("watched, frame %d", index).isPresent();
    }
  }

  @Test
  void aDisabledZoneWatchesNothingAndNoEnabledZoneMeansTheWholePicture() {
    var disabled = new DetectionZone("off", zone(0, 0, 1, 0.33).polygon(), false);
    MotionDetector detector = detector(MotionSensitivity.HIGH, List.of(disabled));
    warmUp(detector);

    assertThat(detector.analyse(grey(SyntheticCamera.withBox(3)))).isPresent();
  }

  @Test
  void theScoreIsMeasuredAgainstTheWatchedPixelsOnly() {
    // a zone of a quarter of the picture around the box: the same box is 4 times the fraction
    MotionDetector detector = detector(MotionSensitivity.HIGH, List.of(zone(0, 0.25, 0.5, 0.75)));
    warmUp(detector);

    Optional<Motion> motion = detector.analyse(grey(stillWithBox(40, 100, 40, 40)));

    assertThat(motion).isPresent();
    assertThat(motion.get().score()).isCloseTo(400.0 / 4_800, within(0.005));
  }

  @Test
  void theSensitivityDecidesHowMuchChangeIsMotion() {
    // 32x24 px of 320x240 = 16x12 grey pixels = 1 % of the picture
    BufferedImage onePercent = stillWithBox(100, 100, 32, 24);
    // 16x12 px = 8x6 grey pixels = 0.25 %
    BufferedImage quarterPercent = stillWithBox(100, 100, 16, 12);

    assertThat(verdict(MotionSensitivity.LOW, onePercent)).isEmpty();
    assertThat(verdict(MotionSensitivity.MEDIUM, onePercent)).isPresent();
    assertThat(verdict(MotionSensitivity.HIGH, onePercent)).isPresent();
    assertThat(verdict(MotionSensitivity.MEDIUM, quarterPercent)).isEmpty();
    assertThat(verdict(MotionSensitivity.HIGH, quarterPercent)).isPresent();
    assertThat(verdict(MotionSensitivity.LOW, stillWithBox(100, 100, 64, 48))).isPresent();
  }

  private static Optional<Motion> verdict(MotionSensitivity sensitivity, BufferedImage image) {
    MotionDetector detector = detector(sensitivity, List.of());
    warmUp(detector);
    return detector.analyse(grey(image));
  }

  @Test
  void motionCountsOnlyWhileTheScheduleIsOpen() {
    var nights = new DetectionSchedule(true, List.of("wed"), "22:00", "06:00", "Europe/Berlin");
    // Wednesday 2 December 2026, 12:00 UTC = 13:00 in Berlin: closed
    MotionDetector byDay = detector(MotionSensitivity.HIGH, List.of(), nights, CLOCK);
    // 23:30 UTC = 00:30 Thursday in Berlin: the night that began on Wednesday
    MotionDetector byNight =
        detector(
            MotionSensitivity.HIGH,
            List.of(),
            nights,
            Clock.fixed(Instant.parse("2026-12-02T23:30:00Z"), ZoneOffset.UTC));
    warmUp(byDay);
    warmUp(byNight);

    for (int index = 0; index < 5; index++) {
      GreyFrame frame = grey(SyntheticCamera.withBox(index));
      assertThat(byDay.analyse(frame)).isEmpty();
      assertThat(byNight.analyse(frame)).isPresent();
    }
  }

  @Test
  void newSettingsApplyToTheNextFrameWithoutLosingTheBackground() {
    MotionDetector detector = detector(MotionSensitivity.HIGH, List.of());
    warmUp(detector);
    assertThat(detector.analyse(grey(SyntheticCamera.withBox(0)))).isPresent();

    detector.apply(
        new MotionSettings(
            MotionSensitivity.HIGH, List.of(zone(0, 0, 1, 0.33)), DetectionWindow.of(null)));

    // no warm-up again: the still scene right after is judged, and the box is outside the zone
    assertThat(detector.analyse(grey(SyntheticCamera.withBox(1)))).isEmpty();
    detector.apply(new MotionSettings(MotionSensitivity.HIGH, List.of(), DetectionWindow.of(null)));
    assertThat(detector.analyse(grey(SyntheticCamera.withBox(2)))).isPresent();
  }
}
