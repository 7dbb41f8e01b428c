package dev.argus.llm.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The simulated vision model's descriptions come from the pixels, and invent nothing. */
class PixelDescriberTest {

  @Test
  void aBoxAppearingOnTheRightIsAChangeOnTheRightOnly() throws Exception {
    // Given the empty yard, then the yard with a box near its right edge
    List<byte[]> frames = List.of(TestScenes.yard(), TestScenes.yard(), TestScenes.boxAtRight());

    // When the simulator describes them
    String description = PixelDescriber.describe(PixelDescriber.decode(frames));

    // Then it says where the change is and how large, labelled simulated
    assertThat(description)
        .startsWith("[simulated] 3 frames of 640×360")
        .contains("at the middle right (")
        .doesNotContain("left")
        .containsPattern("\\(\\d+% of the picture\\)");
  }

  @Test
  void aBoxMovingFromLeftToRightChangesBothPlaces() throws Exception {
    String description =
        PixelDescriber.describe(
            PixelDescriber.decode(List.of(TestScenes.boxAtLeft(), TestScenes.boxAtRight())));

    assertThat(description)
        .contains("in 2 places")
        .contains("middle left")
        .contains("middle right");
  }

  @Test
  void aStillSceneHasNoChange() throws Exception {
    String description =
        PixelDescriber.describe(
            PixelDescriber.decode(List.of(TestScenes.boxAtLeft(), TestScenes.boxAtLeft())));

    assertThat(description).contains("no visible change").doesNotContain("left");
  }

  @Test
  void oneFrameGivesBrightnessAndColourAndNoMovement() throws Exception {
    String green =
        PixelDescriber.describe(
            PixelDescriber.decode(List.of(TestScenes.plain(new Color(40, 200, 40)))));
    String night =
        PixelDescriber.describe(
            PixelDescriber.decode(List.of(TestScenes.plain(new Color(15, 15, 20)))));

    assertThat(green)
        .startsWith("[simulated] One frame")
        .contains("mostly green")
        .contains("no movement");
    assertThat(night).contains("a dark scene").contains("mostly black");
  }

  @Test
  void theAnswerIsTheJsonThePromptAsksForWithNoObjects() throws Exception {
    JsonNode answer =
        Dialect.JSON.readTree(
            PixelDescriber.answer(
                PixelDescriber.decode(List.of(TestScenes.yard(), TestScenes.boxAtRight()))));

    assertThat(answer.path("description").asString()).startsWith("[simulated]");
    assertThat(answer.path("objects").isArray()).isTrue();
    assertThat(answer.path("objects").size()).isZero();
    assertThat(answer.path("detection_type").asString()).isEqualTo("motion");
  }

  @Test
  void bytesThatAreNoImageAreRefused() {
    assertThatThrownBy(
            () -> PixelDescriber.decode(List.of(TestScenes.yard(), "not a jpeg".getBytes())))
        .isInstanceOf(PixelDescriber.Undecodable.class)
        .hasMessageContaining("image 2 of 2");
  }
}
