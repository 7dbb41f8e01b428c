package dev.argus.contract.camera;

/**
 * Something seen in an event's frames: by a detector, or named by the AI description.
 *
 * @param label e.g. {@code person}, {@code car}
 * @param confidence 0..1 when the source gives one, else null
 * @param box where, relative; null when the source does not say
 */
public record DetectedObject(String label, Double confidence, RelativeBox box) {}
