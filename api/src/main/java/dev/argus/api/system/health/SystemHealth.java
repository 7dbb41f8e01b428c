package dev.argus.api.system.health;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.api.system.detection.DetectionSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The body of {@code GET /api/v1/system/health}.
 *
 * @param status {@code ok} when every part is, {@code down} when the database is, else {@code
 *     degraded}
 * @param checkedAt when the api looked
 */
record SystemHealth(
    String status, @JsonProperty("checked_at") Instant checkedAt, Components components) {

  static final String OK = "ok";
  static final String DEGRADED = "degraded";
  static final String DOWN = "down";
  static final String STALE = "stale";
  static final String UNKNOWN = "unknown";

  /** {@code none}: nothing of the kind is configured or has reported (not a fault by itself). */
  static final String NONE = "none";

  static SystemHealth of(Instant checkedAt, Components components) {
    String status;
    if (DOWN.equals(components.database().state())) {
      status = DOWN;
    } else if (components
        .states()
        .anyMatch(state -> DOWN.equals(state) || DEGRADED.equals(state) || STALE.equals(state))) {
      status = DEGRADED;
    } else {
      status = OK;
    }
    return new SystemHealth(status, checkedAt, components);
  }

  @JsonIgnore
  boolean databaseDown() {
    return DOWN.equals(components.database().state());
  }

  record Components(
      Component database,
      Component broker,
      Collectors collectors,
      @JsonProperty("camera_workers") CameraWorkers cameraWorkers,
      @JsonProperty("ai_providers") AiProviders aiProviders,
      Processor processor,
      @Schema(
              description =
                  "What types camera events (the CPU detector, the AI description, Protect);"
                      + " informative, it does not change status")
          DetectionSummary detection) {

    Stream<String> states() {
      return Stream.of(
          database.state(),
          broker.state(),
          collectors.state(),
          cameraWorkers.state(),
          aiProviders.state(),
          processor.state());
    }
  }

  /**
   * @param state {@code ok}, {@code degraded}, {@code down}, {@code stale}, {@code unknown} or
   *     {@code none}
   * @param detail what was seen, in words
   */
  record Component(String state, String detail) {}

  /**
   * @param state {@code ok} (every collector reports), {@code degraded} (some are stale), {@code
   *     down} (none reports), {@code unknown} (the database is down)
   */
  record Collectors(String state, String detail, List<CollectorHealth> items) {}

  /**
   * @param ageSeconds seconds since its last heartbeat
   * @param state {@code ok} or {@code stale} (no heartbeat for three heartbeat intervals)
   */
  record CollectorHealth(
      @JsonProperty("collector_id") String collectorId,
      @JsonProperty("last_heartbeat") Instant lastHeartbeat,
      @JsonProperty("age_seconds") long ageSeconds,
      @JsonProperty("scheduler_running") boolean schedulerRunning,
      String state) {}

  /**
   * @param state {@code ok}, {@code degraded} (a camera is offline, in error or stale), {@code
   *     none} (no camera reported), {@code unknown}
   */
  record CameraWorkers(String state, String detail, List<CameraWorker> items) {}

  /**
   * @param state as the worker reported it ({@code online}, {@code offline}, {@code error}, {@code
   *     stopped}), or {@code stale} when it has not reported for two status intervals
   * @param ageSeconds seconds since its last status
   */
  record CameraWorker(
      @JsonProperty("camera_id") String cameraId,
      @JsonProperty("camera_name") @Schema(nullable = true) String cameraName,
      @JsonProperty("collector_id") @Schema(nullable = true) String collectorId,
      String state,
      @Schema(nullable = true) String reason,
      @Schema(nullable = true) Double fps,
      @JsonProperty("updated_at") Instant updatedAt,
      @JsonProperty("age_seconds") long ageSeconds) {}

  /**
   * @param state {@code ok}, {@code degraded} (a provider fails, or descriptions are paused),
   *     {@code down} (no provider of the chain can be used), {@code none} (no chain), {@code
   *     unknown} (no describer on this replica, or the database is down)
   * @param pausedReason why a cost cap pauses descriptions now; null when it does not
   * @param chain the AI chain, in the order it is tried
   */
  record AiProviders(
      String state,
      String detail,
      @JsonProperty("paused_reason") @Schema(nullable = true) String pausedReason,
      List<AiProvider> chain) {}

  /**
   * @param modelId the {@code llm_models} id in the chain
   * @param model the provider's model id; null when the model was deleted
   * @param enabled whether the provider account is enabled
   * @param state {@code ok}, {@code failing} (its last call failed), {@code circuit_open}, {@code
   *     disabled}, {@code missing} (deleted), {@code unknown} (no describer on this replica)
   * @param lastError the describer's last failure of this provider
   * @param lastCallAt when the describer last called it
   */
  record AiProvider(
      int position,
      @JsonProperty("model_id") String modelId,
      @Schema(nullable = true) String model,
      @JsonProperty("provider_id") @Schema(nullable = true) String providerId,
      @Schema(nullable = true) String provider,
      @JsonProperty("provider_type") @Schema(nullable = true) String providerType,
      boolean enabled,
      String state,
      @JsonProperty("last_error") @Schema(nullable = true) String lastError,
      @JsonProperty("last_call_at") @Schema(nullable = true) Instant lastCallAt) {}

  /**
   * @param state {@code ok}, {@code stale} (nothing written for three collector heartbeat
   *     intervals), {@code unknown} (nothing written yet, or the database is down)
   * @param lastWriteAt the newest row of the processor's tables
   * @param table where that row is
   */
  record Processor(
      String state,
      String detail,
      @JsonProperty("last_write_at") @Schema(nullable = true) Instant lastWriteAt,
      @Schema(nullable = true) String table) {}
}
