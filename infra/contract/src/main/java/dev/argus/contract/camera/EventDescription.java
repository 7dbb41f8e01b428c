package dev.argus.contract.camera;

import java.time.Instant;
import java.util.List;

/**
 * The AI description of a camera event, on {@code argus.camera.descriptions} (key: camera UUID):
 * the describer publishes one per attempt that ends (described, failed on every provider, or
 * skipped because a cost cap paused descriptions). A re-analysis publishes another; the newest
 * becomes the event's description and every one stays in its history.
 *
 * @param descriptionId unique per description (a UUID), the history's key
 * @param outcome {@code described}, {@code failed} or {@code paused}
 * @param detectionType from the answer: {@code person}, {@code vehicle}, {@code animal}, {@code
 *     package} or {@code motion}; null unless described
 * @param provider the provider account that answered (its display name), null unless described
 * @param attempts every provider tried, in order, with what happened ({@code ok}, {@code 429},
 *     {@code timeout}, {@code circuit open}, …)
 * @param costUsd from the price table of the model; null when the model has no price
 * @param latencyMs from the first attempt to the answer
 * @param error why there is no description (all failed, cap reached); null when described
 * @param reanalysis whether a user asked for it (POST /events/{id}/reanalyse)
 */
public record EventDescription(
    String descriptionId,
    String eventId,
    String cameraId,
    Instant describedAt,
    String outcome,
    String description,
    String detectionType,
    List<DetectedObject> objects,
    String provider,
    String model,
    Integer inputTokens,
    Integer outputTokens,
    Double costUsd,
    Long latencyMs,
    List<String> attempts,
    String error,
    String prompt,
    boolean reanalysis) {

  public static final String DESCRIBED = "described";
  public static final String FAILED = "failed";
  public static final String PAUSED = "paused";

  public EventDescription {
    if (descriptionId == null || eventId == null || cameraId == null || describedAt == null) {
      throw new IllegalArgumentException(
          "description_id, event_id, camera_id and described_at are required");
    }
    objects = objects == null ? List.of() : List.copyOf(objects);
    attempts = attempts == null ? List.of() : List.copyOf(attempts);
  }
}
