package dev.argus.contract.events;

import dev.argus.contract.WireIds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An event the processor derived, as published to {@code argus.events} (key: subject id).
 *
 * <p>The event id is a name-based UUID of (source, subject, type, discriminator, timestamp), so a
 * replay of the same readings yields the same ids and the database sink stays idempotent.
 *
 * @param source which kind of thing it is about: {@code power} (devices), {@code target}, {@code
 *     llm} (models) or {@code camera}
 * @param subjectId the device (or target, model, camera) the event is about
 * @param metadata event details, e.g. {@code previous_status} and {@code battery_percent}
 */
public record DerivedEvent(
    int schemaVersion,
    String eventId,
    String source,
    String subjectId,
    String eventType,
    Severity severity,
    Instant timestamp,
    Map<String, Object> metadata) {

  public static final int SCHEMA_VERSION = 1;
  public static final String SOURCE_POWER = "power";
  public static final String SOURCE_TARGET = "target";
  public static final String SOURCE_LLM = "llm";
  public static final String SOURCE_CAMERA = "camera";

  public DerivedEvent {
    if (subjectId == null || subjectId.isBlank()) {
      throw new IllegalArgumentException("subject_id is required");
    }
    WireIds.requireStorable("subject_id", subjectId);
    if (eventType == null || eventType.isBlank()) {
      throw new IllegalArgumentException("event_type is required");
    }
    if (timestamp == null) {
      throw new IllegalArgumentException("timestamp is required");
    }
    metadata =
        metadata == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  public static DerivedEvent power(
      String deviceId, PowerEventType type, Instant timestamp, Map<String, Object> metadata) {
    return power(deviceId, type, "", timestamp, metadata);
  }

  /**
   * A power event whose id also names a {@code discriminator}, for event types that can occur more
   * than once for the same reading (e.g. {@code threshold_crossed} for load and for temperature),
   * which would otherwise share an id and be stored only once.
   */
  public static DerivedEvent power(
      String deviceId,
      PowerEventType type,
      String discriminator,
      Instant timestamp,
      Map<String, Object> metadata) {
    return new DerivedEvent(
        SCHEMA_VERSION,
        idOf(SOURCE_POWER, deviceId, type.wireName(), discriminator, timestamp),
        SOURCE_POWER,
        deviceId,
        type.wireName(),
        type.severity(),
        timestamp,
        metadata);
  }

  /** An uptime-target event; the subject id is the target id as a decimal string. */
  public static DerivedEvent target(
      long targetId, TargetEventType type, Instant timestamp, Map<String, Object> metadata) {
    String subject = Long.toString(targetId);
    return new DerivedEvent(
        SCHEMA_VERSION,
        idOf(SOURCE_TARGET, subject, type.wireName(), "", timestamp),
        SOURCE_TARGET,
        subject,
        type.wireName(),
        type.severity(),
        timestamp,
        metadata);
  }

  static String idOf(
      String source, String subjectId, String type, String discriminator, Instant timestamp) {
    String name =
        String.join("\u0000", source, subjectId, type, discriminator, timestamp.toString());
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
