package dev.argus.llm.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DescriptionPromptTest {

  @Test
  void theDefaultPromptSaysHowManyFramesInTimeOrderAndAsksForTheJson() {
    String prompt = DescriptionPrompt.build(null, 3, "Camera: Front door; 22:40, night");

    assertThat(prompt)
        .contains("3 frames")
        .contains("in time order, the first the earliest")
        .contains("what happens")
        .contains("Context: Camera: Front door; 22:40, night")
        .contains("\"description\"", "\"objects\"", "\"detection_type\"")
        .contains("person, vehicle, animal, package, motion");
  }

  @Test
  void oneFrameAndNoContext() {
    String prompt = DescriptionPrompt.build(" ", 1, null);

    assertThat(prompt)
        .startsWith("You see one frame")
        .doesNotContain("Context:")
        .contains("what happens");
  }

  @Test
  void anOverrideReplacesTheTaskButKeepsFramesContextAndFormat() {
    String prompt = DescriptionPrompt.build("Say whether the gate is open.", 2, "Camera: Gate");

    assertThat(prompt)
        .contains("2 frames")
        .contains("Say whether the gate is open.")
        .doesNotContain("what happens")
        .contains("Context: Camera: Gate")
        .contains("\"detection_type\"");
  }

  @Test
  void noFramesIsRefused() {
    assertThatThrownBy(() -> DescriptionPrompt.build(null, 0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("frames");
  }
}
