package dev.argus.llm.vision;

import java.util.List;

/**
 * What to describe: one or more JPEGs (in time order) and the prompt. The chain adds nothing to the
 * prompt; {@link DescriptionPrompt} builds the default one.
 *
 * @param maxTokens the answer's token budget
 */
public record VisionRequest(String prompt, List<byte[]> jpegs, int maxTokens) {

  public VisionRequest {
    jpegs = List.copyOf(jpegs);
    if (jpegs.isEmpty()) {
      throw new IllegalArgumentException("a vision request needs at least one image");
    }
  }
}
