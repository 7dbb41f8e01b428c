package dev.argus.llm.vision;

/**
 * The default prompt: asks for a short description of what moved and the objects seen, answered as
 * JSON ({@code description}, {@code objects[]} with {@code label}, {@code detection_type}), and
 * says how many frames in time order it receives. Answers that are not JSON are still read (as a
 * plain description, the type from its words).
 */
public final class DescriptionPrompt {

  private DescriptionPrompt() {}

  /**
   * @param context a line of context (camera name, time of day, recent similar events) or null
   */
  public static String build(String override, int frames, String context) {
    throw new UnsupportedOperationException("implemented by the vision work (issue 12)");
  }
}
