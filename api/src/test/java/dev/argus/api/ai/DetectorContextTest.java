package dev.argus.api.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.camera.DetectedObject;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The sentence that tells the model what the event's detector found. */
class DetectorContextTest {

  @Test
  void namesEachObjectWithItsScore() {
    String sentence =
        DetectorContext.sentence(
            "centernet",
            List.of(
                new DetectedObject("person", 0.912, null),
                new DetectedObject("vehicle", 0.6, null)));

    assertThat(sentence)
        .isEqualTo("An object detector (centernet) found: person 0.91, vehicle 0.60.");
  }

  @Test
  void aProtectDetectionIsTheControllersAndAScorelessObjectHasItsLabelAlone() {
    assertThat(
            DetectorContext.sentence("protect", List.of(new DetectedObject("package", null, null))))
        .isEqualTo("The UniFi Protect controller detected: package.");
  }

  @Test
  void nothingFoundAddsNothingAndTheListIsBounded() {
    assertThat(DetectorContext.sentence("centernet", List.of())).isNull();
    assertThat(DetectorContext.join("Camera: Door.", null)).isEqualTo("Camera: Door.");
    assertThat(DetectorContext.join(null, "A.")).isEqualTo("A.");
    List<DetectedObject> many =
        IntStream.range(0, 30).mapToObj(i -> new DetectedObject("person", 0.5, null)).toList();
    assertThat(DetectorContext.sentence(null, many).split(","))
        .hasSize(DetectorContext.MAX_OBJECTS);
  }
}
