package dev.argus.llm.vision;

import dev.argus.contract.camera.DetectedObject;
import java.util.List;

/**
 * A described image: the model's text read as a description, the objects it named and the detection
 * type they make ({@code person}, {@code vehicle}, {@code animal}, {@code package} or {@code
 * motion}), with the usage of the call that answered.
 *
 * @param costUsd from the price table; null when the model has no price
 * @param latencyMs of the call that answered
 */
public record VisionAnswer(
    String description,
    String detectionType,
    List<DetectedObject> objects,
    String providerId,
    String provider,
    String model,
    Integer inputTokens,
    Integer outputTokens,
    Double costUsd,
    long latencyMs) {

  public VisionAnswer {
    objects = objects == null ? List.of() : List.copyOf(objects);
  }
}
