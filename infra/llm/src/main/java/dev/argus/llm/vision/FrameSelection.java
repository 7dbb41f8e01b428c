package dev.argus.llm.vision;

import java.util.ArrayList;
import java.util.List;

/** Which frames go to a provider that takes fewer images than an event has. */
final class FrameSelection {

  private FrameSelection() {}

  /**
   * At most {@code max} of {@code frames}, spread evenly over the event and in time order: the
   * first and the last always, as the change between them is what a description is about; one frame
   * alone is the middle one.
   */
  static <T> List<T> evenly(List<T> frames, int max) {
    if (frames.size() <= max) {
      return frames;
    }
    if (max <= 1) {
      return List.of(frames.get(frames.size() / 2));
    }
    List<T> chosen = new ArrayList<>();
    for (int i = 0; i < max; i++) {
      chosen.add(frames.get((int) Math.round(i * (frames.size() - 1) / (double) (max - 1))));
    }
    return chosen;
  }
}
