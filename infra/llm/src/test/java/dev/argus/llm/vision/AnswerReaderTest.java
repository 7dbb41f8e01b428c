package dev.argus.llm.vision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.camera.DetectedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Answers as models really write them: the asked-for JSON, fenced, wrapped in words, or prose. */
class AnswerReaderTest {

  @Test
  void theJsonThePromptAsksFor() {
    AnswerReader.Reading reading =
        AnswerReader.read(
            """
            {"description": "A man in a grey hoodie walks up the driveway towards the front door.",
             "objects": [{"label": "person", "confidence": 0.92}, {"label": "car", "confidence": 0.8}],
             "detection_type": "person"}\
            """);

    assertThat(reading.description()).startsWith("A man in a grey hoodie");
    assertThat(reading.detectionType()).isEqualTo("person");
    assertThat(reading.objects())
        .containsExactly(
            new DetectedObject("person", 0.92, null), new DetectedObject("car", 0.8, null));
  }

  @Test
  void jsonInsideAMarkdownFenceAfterAPreamble() {
    AnswerReader.Reading reading =
        AnswerReader.read(
            """
            Here is the analysis of the frames:

            ```json
            {
              "description": "A delivery van stops at the kerb and a courier leaves a parcel on the step.",
              "objects": ["van", "person", "parcel"],
              "detection_type": "package"
            }
            ```
            Let me know if you need more detail.\
            """);

    assertThat(reading.description()).startsWith("A delivery van stops");
    assertThat(reading.detectionType()).isEqualTo("package");
    assertThat(reading.objects())
        .extracting(DetectedObject::label)
        .containsExactly("van", "person", "parcel");
    assertThat(reading.objects()).allSatisfy(o -> assertThat(o.confidence()).isNull());
  }

  @Test
  void jsonWithWordsAroundItAndNoFence() {
    AnswerReader.Reading reading =
        AnswerReader.read(
            "Sure! {\"description\": \"A cat crosses the lawn from left to right.\", \"objects\":"
                + " [{\"name\": \"cat\"}]} Hope this helps.");

    assertThat(reading.description()).isEqualTo("A cat crosses the lawn from left to right.");
    // No detection_type given: inferred from the description and the objects
    assertThat(reading.detectionType()).isEqualTo("animal");
    assertThat(reading.objects()).extracting(DetectedObject::label).containsExactly("cat");
  }

  @Test
  void aDetectionTypeOutsideTheListIsMappedOrInferred() {
    assertThat(
            AnswerReader.read(
                    "{\"description\": \"Two people talk by the gate.\", \"detection_type\":"
                        + " \"People\"}")
                .detectionType())
        .isEqualTo("person");
    assertThat(
            AnswerReader.read(
                    "{\"description\": \"A truck reverses into the yard.\", \"detection_type\":"
                        + " \"other\"}")
                .detectionType())
        .isEqualTo("vehicle");
  }

  @Test
  void theSimulatorsAnswerReadsAsMotionWithNoObjects() {
    AnswerReader.Reading reading =
        AnswerReader.read(
            "{\"description\":\"[simulated] 2 frames of 640×360: the picture changed between the"
                + " first and the last frame at the middle right (4% of the picture); the simulator"
                + " recognises no objects.\",\"objects\":[],\"detection_type\":\"motion\"}");

    assertThat(reading.description()).startsWith("[simulated]");
    assertThat(reading.detectionType()).isEqualTo("motion");
    assertThat(reading.objects()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "A woman with a pushchair walks past the gate.|person",
        "Several people gather near the entrance.|person",
        "A red car pulls into the driveway and parks.|vehicle",
        "A delivery truck passes on the street.|vehicle",
        "Someone rides a bicycle along the path.|person",
        "A motorcycle passes the house.|vehicle",
        "A dog runs across the garden chasing a bird.|animal",
        "A deer grazes at the edge of the field.|animal",
        "A parcel sits on the doorstep.|package",
        "A box was delivered to the porch.|package",
        "Leaves blow across the patio in the wind.|motion",
        "The shadows of the trees move as the clouds pass.|motion"
      })
  void proseIsTheDescriptionAndItsWordsGiveTheType(String prose, String type) {
    AnswerReader.Reading reading = AnswerReader.read(prose);

    assertThat(reading.description()).isEqualTo(prose);
    assertThat(reading.detectionType()).isEqualTo(type);
    assertThat(reading.objects()).isEmpty();
  }

  @Test
  void wordsAreMatchedWholeNotInsideOtherWords() {
    // "scar", "cartoon", "mandatory", "catalogue" hold car, man, cat: none is a detection
    assertThat(
            AnswerReader.read("A cartoon catalogue lies near the scar on the mandatory sign.")
                .detectionType())
        .isEqualTo("motion");
  }

  @Test
  void aBlankAnswerIsAnEmptyDescriptionOfMotion() {
    AnswerReader.Reading reading = AnswerReader.read("  ");

    assertThat(reading.description()).isEmpty();
    assertThat(reading.detectionType()).isEqualTo("motion");
  }

  @Test
  void brokenJsonIsReadAsProse() {
    AnswerReader.Reading reading = AnswerReader.read("{\"description\": \"A man opens the gate");

    assertThat(reading.description()).isEqualTo("{\"description\": \"A man opens the gate");
    assertThat(reading.detectionType()).isEqualTo("person");
  }
}
