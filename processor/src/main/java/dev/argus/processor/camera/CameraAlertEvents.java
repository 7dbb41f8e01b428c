package dev.argus.processor.camera;

import dev.argus.contract.camera.CameraAlertRuleConfig;
import dev.argus.contract.camera.CameraEvent;
import dev.argus.contract.camera.CameraEventType;
import dev.argus.contract.camera.DetectionTypes;
import dev.argus.contract.events.DerivedEvent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The camera alert rules as a pure function of (enabled rules, raised event): one {@code
 * camera_detection} event on {@code argus.events} (source {@code camera}, subject the camera,
 * severity medium, time the event's) per rule that {@link CameraAlertRuleConfig#matches} the
 * event's camera and detection type. It is evaluated on every raised event, from a collector's own
 * motion detection and from a Protect controller alike.
 *
 * <p>A detection is a moment, not a state: the alert opens and is over at once, so nothing is
 * remembered and no recovery follows. Ids are name-based, so a replay of the same event yields the
 * same ids and the sink stays idempotent: the alert id of (rule, camera event), the event id of
 * (source, camera, type, rule and camera event, time).
 *
 * <p>Metadata, for the api and the sink: {@code alert_id}, {@code rule_id}, {@code rule_name},
 * {@code rule_type} ({@code camera_detection}), {@code camera_id}, {@code camera_name}, {@code
 * event_id} (the camera event), {@code detection_type}, {@code notify_in_app}, {@code message} (a
 * sentence for people).
 */
final class CameraAlertEvents {

  private static final CameraEventType TYPE = CameraEventType.CAMERA_DETECTION;

  private CameraAlertEvents() {}

  static List<DerivedEvent> raisedBy(CameraEvent event, List<CameraAlertRuleConfig> enabledRules) {
    return enabledRules.stream()
        .filter(rule -> rule.matches(event.cameraId(), event.detectionType()))
        .map(rule -> alert(rule, event))
        .toList();
  }

  private static DerivedEvent alert(CameraAlertRuleConfig rule, CameraEvent event) {
    String alertId = uuid("camera-alert", rule.id(), event.eventId());
    String cameraName = cameraName(event);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("alert_id", alertId);
    metadata.put("rule_id", rule.id());
    metadata.put("rule_name", rule.name());
    metadata.put("rule_type", CameraAlertRuleConfig.CAMERA_DETECTION);
    metadata.put("camera_id", event.cameraId());
    metadata.put("camera_name", cameraName);
    metadata.put("event_id", event.eventId());
    metadata.put("detection_type", event.detectionType());
    metadata.put("notify_in_app", rule.notifyInApp());
    metadata.put("message", message(rule, event.detectionType(), cameraName));
    return new DerivedEvent(
        DerivedEvent.SCHEMA_VERSION,
        uuid(
            DerivedEvent.SOURCE_CAMERA,
            event.cameraId(),
            TYPE.wireName(),
            rule.id() + "/" + event.eventId(),
            event.occurredAt().toString()),
        DerivedEvent.SOURCE_CAMERA,
        event.cameraId(),
        TYPE.wireName(),
        TYPE.severity(),
        event.occurredAt(),
        metadata);
  }

  /** E.g. "Person detected on Front door (rule 'People at night')". */
  static String message(CameraAlertRuleConfig rule, String detectionType, String cameraName) {
    String what =
        DetectionTypes.RING.equals(detectionType)
            ? "Doorbell ring"
            : capitalized(detectionType == null ? DetectionTypes.MOTION : detectionType)
                + " detected";
    String ruleName = rule.name() == null || rule.name().isBlank() ? rule.id() : rule.name();
    return what + " on " + cameraName + " (rule '" + ruleName + "')";
  }

  private static String cameraName(CameraEvent event) {
    return event.cameraName() == null || event.cameraName().isBlank()
        ? event.cameraId()
        : event.cameraName();
  }

  private static String capitalized(String word) {
    return word.isEmpty()
        ? word
        : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }

  private static String uuid(String... parts) {
    String name = String.join("\u0000", parts);
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
