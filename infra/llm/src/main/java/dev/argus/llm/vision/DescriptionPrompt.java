package dev.argus.llm.vision;

/**
 * The default prompt: asks for a short description of what moved and the objects seen, answered as
 * JSON ({@code description}, {@code objects[]} with {@code label}, {@code detection_type}), and
 * says how many frames in time order it receives. Answers that are not JSON are still read (as a
 * plain description, the type from its words) by {@link AnswerReader}.
 */
public final class DescriptionPrompt {

  static final String DEFAULT_TASK =
      "Describe in one or two short sentences what happens: who or what moves, where in the"
          + " picture, and what they do. Name only what you can see; do not guess.";

  static final String ANSWER_FORMAT =
      """
      Answer with one JSON object and nothing else:
      {"description": "<one or two sentences>", "objects": [{"label": "<what>", \
      "confidence": <0..1>}], "detection_type": "<type>"}
      objects lists each thing you see (person, car, dog, package, ...); [] when you see none.
      detection_type is the most important thing seen, one of: person, vehicle, animal, package, \
      motion (in that order of importance; motion when you see none of the others).\
      """;

  private DescriptionPrompt() {}

  /**
   * The prompt for {@code frames} images. An override replaces the task (what to describe), not the
   * frames line, the context or the answer format: the reading of the answer relies on them.
   *
   * @param override the camera's or settings' prompt, or null/blank for the default task
   * @param context a line of context (camera name, time of day, recent similar events) or null
   */
  public static String build(String override, int frames, String context) {
    if (frames < 1) {
      throw new IllegalArgumentException("frames must be at least 1, was " + frames);
    }
    StringBuilder prompt = new StringBuilder();
    prompt.append(
        frames == 1
            ? "You see one frame from a security camera, taken when motion was detected."
            : "You see "
                + frames
                + " frames from a security camera in time order, the first the earliest,"
                + " taken when motion was detected.");
    prompt.append('\n');
    prompt.append(override == null || override.isBlank() ? DEFAULT_TASK : override.strip());
    if (context != null && !context.isBlank()) {
      prompt.append("\nContext: ").append(context.strip().replace('\n', ' '));
    }
    prompt.append('\n').append(ANSWER_FORMAT);
    return prompt.toString();
  }
}
