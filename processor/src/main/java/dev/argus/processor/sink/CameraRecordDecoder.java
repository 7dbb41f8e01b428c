package dev.argus.processor.sink;

import dev.argus.contract.Topics;
import dev.argus.contract.camera.CameraAlertRuleConfig;
import dev.argus.contract.camera.CameraEvent;
import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.CapturedFrame;
import dev.argus.contract.camera.EventDescription;
import dev.argus.contract.camera.ProtectControllerStatus;
import dev.argus.contract.events.DerivedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes the camera topics for {@link SinkBatchDecoder}, with every check the database would
 * otherwise fail on deterministically (ids that must be UUIDs, required fields, storable times): a
 * record failing one is malformed and dead-lettered instead of blocking the sink.
 */
final class CameraRecordDecoder {

  private static final Instant EARLIEST_STORABLE = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST_STORABLE = Instant.parse("9999-12-31T23:59:59Z");
  private static final Set<String> OUTCOMES =
      Set.of(EventDescription.DESCRIBED, EventDescription.FAILED, EventDescription.PAUSED);

  private final Deserializer<CameraStatus> statuses =
      Topics.CAMERA_STATUS.valueSerde().deserializer();
  private final Deserializer<CameraEvent> events = Topics.CAMERA_EVENTS.valueSerde().deserializer();
  private final Deserializer<EventDescription> descriptions =
      Topics.CAMERA_DESCRIPTIONS.valueSerde().deserializer();

  private final Deserializer<ProtectControllerStatus> protectStatuses =
      Topics.PROTECT_STATUS.valueSerde().deserializer();

  private final List<CameraStatus> decodedStatuses = new ArrayList<>();
  private final List<CameraEvent> decodedEvents = new ArrayList<>();
  private final List<EventDescription> decodedDescriptions = new ArrayList<>();
  private final List<ProtectControllerStatus> decodedProtectStatuses = new ArrayList<>();
  private final List<DerivedEvent> decodedAlertEvents = new ArrayList<>();

  /** Whether the record's topic is one of the camera topics this decoder reads. */
  static boolean reads(String topic) {
    return topic.equals(Topics.CAMERA_STATUS.name())
        || topic.equals(Topics.CAMERA_EVENTS.name())
        || topic.equals(Topics.CAMERA_DESCRIPTIONS.name())
        || topic.equals(Topics.PROTECT_STATUS.name());
  }

  /**
   * Decodes one record of a camera topic into its list.
   *
   * @throws RuntimeException when it cannot be read or stored
   */
  void add(ConsumerRecord<byte[], byte[]> record) {
    String topic = record.topic();
    byte[] value = record.value();
    if (topic.equals(Topics.CAMERA_STATUS.name())) {
      decodedStatuses.add(status(statuses.deserialize(topic, record.headers(), value)));
    } else if (topic.equals(Topics.CAMERA_EVENTS.name())) {
      decodedEvents.add(event(events.deserialize(topic, record.headers(), value)));
    } else if (topic.equals(Topics.CAMERA_DESCRIPTIONS.name())) {
      decodedDescriptions.add(
          description(descriptions.deserialize(topic, record.headers(), value)));
    } else if (topic.equals(Topics.PROTECT_STATUS.name())) {
      decodedProtectStatuses.add(
          protectStatus(protectStatuses.deserialize(topic, record.headers(), value)));
    }
  }

  /**
   * A {@code camera_detection} event of source {@code camera} from {@code argus.events}, decoded by
   * the caller: what {@code llm_alerts} needs must be there.
   */
  void addAlertEvent(DerivedEvent event) {
    Map<String, Object> metadata = event.metadata();
    requireUuid("metadata.alert_id", metadata.get("alert_id"));
    requireUuid("metadata.rule_id", metadata.get("rule_id"));
    requireUuid("metadata.camera_id", metadata.get("camera_id"));
    requireUuid("metadata.event_id", metadata.get("event_id"));
    if (!CameraAlertRuleConfig.CAMERA_DETECTION.equals(metadata.get("rule_type"))) {
      throw new IllegalArgumentException(
          "metadata.rule_type must be camera_detection, was " + metadata.get("rule_type"));
    }
    if (!(metadata.get("message") instanceof String message) || message.isBlank()) {
      throw new IllegalArgumentException("metadata.message is required");
    }
    decodedAlertEvents.add(event);
  }

  CameraRecords records() {
    return new CameraRecords(
        decodedStatuses,
        decodedEvents,
        decodedDescriptions,
        decodedProtectStatuses,
        decodedAlertEvents);
  }

  private static ProtectControllerStatus protectStatus(ProtectControllerStatus status) {
    requireUuid("controller_id", status.controllerId());
    requireStorable("at", status.at());
    requireStorable("last_event_at", status.lastEventAt());
    return status;
  }

  private static CameraStatus status(CameraStatus status) {
    requireUuid("camera_id", status.cameraId());
    requireStorable("at", status.at());
    return status;
  }

  private static CameraEvent event(CameraEvent event) {
    requireUuid("event_id", event.eventId());
    requireUuid("camera_id", event.cameraId());
    if (event.readingId() == null || event.readingId().isBlank()) {
      throw new IllegalArgumentException("reading_id is required");
    }
    if (event.source() == null || event.source().isBlank()) {
      throw new IllegalArgumentException("source is required");
    }
    if (!Double.isFinite(event.score())) {
      throw new IllegalArgumentException("score is not finite: " + event.score());
    }
    requireStorable("occurred_at", event.occurredAt());
    for (CapturedFrame frame : event.frames()) {
      requireStorable("frames.captured_at", frame.capturedAt());
    }
    return event;
  }

  private static EventDescription description(EventDescription description) {
    requireUuid("description_id", description.descriptionId());
    requireUuid("event_id", description.eventId());
    requireUuid("camera_id", description.cameraId());
    if (!OUTCOMES.contains(description.outcome())) {
      throw new IllegalArgumentException(
          "outcome must be described, failed or paused, was " + description.outcome());
    }
    requireStorable("described_at", description.describedAt());
    // camera_event_descriptions.cost_usd is numeric(12, 6).
    Double cost = description.costUsd();
    if (cost != null && !(Double.isFinite(cost) && Math.abs(cost) < 1_000_000)) {
      throw new IllegalArgumentException("cost_usd is out of range: " + cost);
    }
    return description;
  }

  private static void requireUuid(String field, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    try {
      UUID.fromString(value.toString());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " is not a UUID: " + value, e);
    }
  }

  private static void requireStorable(String field, Instant value) {
    if (value != null && (value.isBefore(EARLIEST_STORABLE) || value.isAfter(LATEST_STORABLE))) {
      throw new IllegalArgumentException(field + " is out of range: " + value);
    }
  }
}
