package dev.argus.api.live;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.contract.Topics;
import dev.argus.contract.camera.CameraEvent;
import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.DetectedObject;
import dev.argus.contract.camera.EventDescription;
import dev.argus.contract.camera.RelativeBox;
import dev.argus.contract.events.DerivedEvent;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a record of a fed topic into its {@link LiveMessage}: the record as the dashboard needs it,
 * without what it does not (an event's frames, up to 8 MB, are left out; its small thumbnail is
 * kept, base64).
 */
final class LiveMessages {

  private LiveMessages() {}

  /**
   * The message of a record, or empty for a record that carries none (a tombstone).
   *
   * @throws RuntimeException when the value cannot be read as its topic's record
   */
  static Optional<LiveMessage> of(LiveType type, byte[] value) {
    if (value == null) {
      return Optional.empty();
    }
    return Optional.of(
        switch (type) {
          case EVENT_CREATED -> created(read(Topics.CAMERA_EVENTS.valueSerde(), type, value));
          case EVENT_UPDATED -> updated(read(Topics.CAMERA_DESCRIPTIONS.valueSerde(), type, value));
          case CAMERA_STATUS -> status(read(Topics.CAMERA_STATUS.valueSerde(), type, value));
          case NOTIFICATION_NEW -> notification(read(Topics.EVENTS.valueSerde(), type, value));
        });
  }

  private static <T> T read(
      org.apache.kafka.common.serialization.Serde<T> serde, LiveType type, byte[] value) {
    T record = serde.deserializer().deserialize(type.topic(), value);
    if (record == null) {
      throw new IllegalArgumentException("an empty record");
    }
    return record;
  }

  /** {@code event.created}: a camera event, without its frames. */
  record EventCreated(
      String id,
      @JsonProperty("camera_id") String cameraId,
      @JsonProperty("camera_name") String cameraName,
      @JsonProperty("occurred_at") Instant occurredAt,
      String source,
      @JsonProperty("detection_type") String detectionType,
      double score,
      RelativeBox box,
      @JsonProperty("analysis_mode") String analysisMode,
      @JsonProperty("frame_count") int frameCount,
      String thumbnail) {}

  static LiveMessage created(CameraEvent event) {
    return new LiveMessage(
        LiveType.EVENT_CREATED.wireName(),
        new EventCreated(
            event.eventId(),
            event.cameraId(),
            event.cameraName(),
            event.occurredAt(),
            event.source(),
            event.detectionType(),
            event.score(),
            event.box(),
            event.analysisMode(),
            event.frames().size(),
            event.thumbnail() == null
                ? null
                : Base64.getEncoder().encodeToString(event.thumbnail())),
        event.occurredAt());
  }

  /** {@code event.updated}: the description of an event arrived (or why there is none). */
  record EventUpdated(
      String id,
      @JsonProperty("camera_id") String cameraId,
      @JsonProperty("description_id") String descriptionId,
      String outcome,
      String description,
      @JsonProperty("detection_type") String detectionType,
      List<DetectedObject> objects,
      String provider,
      String model,
      @JsonProperty("cost_usd") Double costUsd,
      @JsonProperty("latency_ms") Long latencyMs,
      String error,
      boolean reanalysis,
      @JsonProperty("described_at") Instant describedAt) {}

  static LiveMessage updated(EventDescription description) {
    return new LiveMessage(
        LiveType.EVENT_UPDATED.wireName(),
        new EventUpdated(
            description.eventId(),
            description.cameraId(),
            description.descriptionId(),
            description.outcome(),
            description.description(),
            description.detectionType(),
            description.objects(),
            description.provider(),
            description.model(),
            description.costUsd(),
            description.latencyMs(),
            description.error(),
            description.reanalysis(),
            description.describedAt()),
        description.describedAt());
  }

  /** {@code camera.status}: what a camera worker reported. */
  record CameraStatusChanged(
      @JsonProperty("camera_id") String cameraId,
      @JsonProperty("camera_name") String cameraName,
      @JsonProperty("collector_id") String collectorId,
      String state,
      String reason,
      Double fps,
      Integer width,
      Integer height,
      String codec) {}

  static LiveMessage status(CameraStatus status) {
    return new LiveMessage(
        LiveType.CAMERA_STATUS.wireName(),
        new CameraStatusChanged(
            status.cameraId(),
            status.cameraName(),
            status.collectorId(),
            status.state(),
            status.reason(),
            status.fps(),
            status.width(),
            status.height(),
            status.codec()),
        status.at());
  }

  /**
   * {@code notification.new}: an alert of any domain.
   *
   * @param subject the subject's id (device, target id, model UUID, camera UUID)
   * @param subjectName what a person calls it, when the event says (model, rule or camera name)
   * @param message one line: the event's own message if it has one, else what happened to what
   */
  record Notification(
      String id,
      String source,
      String type,
      String severity,
      String subject,
      @JsonProperty("subject_name") String subjectName,
      String message,
      Map<String, Object> metadata) {}

  static LiveMessage notification(DerivedEvent event) {
    String subjectName = subjectName(event);
    String message =
        event.metadata().get("message") instanceof String text && !text.isBlank()
            ? text
            : event.eventType()
                + " on "
                + event.source()
                + " "
                + (subjectName == null ? event.subjectId() : subjectName);
    return new LiveMessage(
        LiveType.NOTIFICATION_NEW.wireName(),
        new Notification(
            event.eventId(),
            event.source(),
            event.eventType(),
            event.severity() == null ? null : event.severity().wireName(),
            event.subjectId(),
            subjectName,
            message,
            event.metadata()),
        event.timestamp());
  }

  private static String subjectName(DerivedEvent event) {
    for (String key : new String[] {"camera_name", "model_name", "rule_name", "target_name"}) {
      if (event.metadata().get(key) instanceof String name && !name.isBlank()) {
        return name;
      }
    }
    return null;
  }
}
