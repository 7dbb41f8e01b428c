package dev.argus.api.ai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the refiner asks and how it reads the answer. */
class PromptRefinerTest {

  @Test
  void theRequestCarriesThePromptAndTheFeedback() {
    String request = PromptRefiner.request("Describe the scene.", "Name colours.");

    assertThat(request)
        .contains("Prompt:\nDescribe the scene.")
        .contains("Feedback:\nName colours.");
  }

  @Test
  void codeFencesAndQuotesAroundTheAnswerAreDropped() {
    assertThat(PromptRefiner.cleaned("```text\nDescribe colours.\n```"))
        .isEqualTo("Describe colours.");
    assertThat(PromptRefiner.cleaned("  \"Describe colours.\" ")).isEqualTo("Describe colours.");
    assertThat(PromptRefiner.cleaned("Describe \"what\" moved."))
        .isEqualTo("Describe \"what\" moved.");
    assertThat(PromptRefiner.cleaned(null)).isEmpty();
  }
}
