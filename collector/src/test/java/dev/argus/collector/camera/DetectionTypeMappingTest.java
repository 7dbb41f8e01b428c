package dev.argus.collector.camera;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.camera.detect.Detection;
import dev.argus.contract.camera.DetectedObject;
import dev.argus.contract.camera.DetectionTypes;
import dev.argus.contract.camera.RelativeBox;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionTypeMappingTest {

  private final DetectionTypeMapping mapping =
      new DetectionTypeMapping(DetectionTypeMapping.MinScores.DEFAULTS);

  private static Detection seen(String label, double score) {
    return new Detection(label, score, new Detection.Box(0.1, 0.2, 0.3, 0.4));
  }

  @Test
  void mapsCocoLabelsToDetectionTypes() {
    assertThat(DetectionTypeMapping.typeOf("person")).contains(DetectionTypes.PERSON);
    for (String vehicle : List.of("car", "truck", "bus", "motorcycle", "bicycle")) {
      assertThat(DetectionTypeMapping.typeOf(vehicle)).as(vehicle).contains(DetectionTypes.VEHICLE);
    }
    for (String animal : List.of("bird", "cat", "dog", "horse", "sheep", "cow", "bear")) {
      assertThat(DetectionTypeMapping.typeOf(animal)).as(animal).contains(DetectionTypes.ANIMAL);
    }
    for (String parcel : List.of("suitcase", "backpack", "handbag")) {
      assertThat(DetectionTypeMapping.typeOf(parcel)).as(parcel).contains(DetectionTypes.PACKAGE);
    }
    for (String other : List.of("fire hydrant", "sports ball", "skis", "traffic light", "chair")) {
      assertThat(DetectionTypeMapping.typeOf(other)).as(other).isEmpty();
    }
  }

  @Test
  void keepsTheBestDetectionOfEachTypeOverAllFramesWithItsBox() {
    var later = new Detection("person", 0.71, new Detection.Box(0.5, 0.5, 0.1, 0.2));
    List<DetectedObject> objects =
        mapping.objects(
            List.of(
                List.of(seen("person", 0.62), seen("car", 0.47), seen("fire hydrant", 0.9)),
                List.of(later, seen("person", 0.55), seen("truck", 0.46))));

    assertThat(objects)
        .containsExactly(
            new DetectedObject("person", 0.71, new RelativeBox(0.5, 0.5, 0.1, 0.2)),
            new DetectedObject("vehicle", 0.47, new RelativeBox(0.1, 0.2, 0.3, 0.4)));
    assertThat(DetectionTypeMapping.detectionType(objects)).isEqualTo(DetectionTypes.PERSON);
  }

  @Test
  void dropsDetectionsBelowTheirTypesMinimumScore() {
    List<DetectedObject> objects =
        mapping.objects(
            List.of(
                List.of(
                    seen("person", 0.49),
                    seen("car", 0.44),
                    seen("dog", 0.44),
                    seen("backpack", 0.39))));

    assertThat(objects).isEmpty();
    assertThat(DetectionTypeMapping.detectionType(objects)).isEqualTo(DetectionTypes.MOTION);
  }

  @Test
  void theMinimumScoresAreInclusiveAndConfigurable() {
    assertThat(
            mapping.objects(
                List.of(
                    List.of(
                        seen("person", 0.5),
                        seen("bus", 0.45),
                        seen("cat", 0.45),
                        seen("handbag", 0.4)))))
        .extracting(DetectedObject::label)
        .containsExactly("person", "vehicle", "animal", "package");

    var strict = new DetectionTypeMapping(new DetectionTypeMapping.MinScores(0.9, 0.9, 0.2, 0.9));
    List<DetectedObject> objects =
        strict.objects(List.of(List.of(seen("person", 0.8), seen("bird", 0.25))));
    assertThat(objects).extracting(DetectedObject::label).containsExactly("animal");
    assertThat(DetectionTypeMapping.detectionType(objects)).isEqualTo(DetectionTypes.ANIMAL);
  }

  @Test
  void theDetectionTypeIsTheMostSpecificFound() {
    List<DetectedObject> objects =
        mapping.objects(
            List.of(List.of(seen("backpack", 0.9), seen("dog", 0.5), seen("car", 0.5))));

    assertThat(DetectionTypeMapping.detectionType(objects)).isEqualTo(DetectionTypes.VEHICLE);
  }
}
