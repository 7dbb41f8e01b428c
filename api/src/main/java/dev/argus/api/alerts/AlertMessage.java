package dev.argus.api.alerts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.contract.camera.CameraEventType;
import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.events.PowerEventType;
import dev.argus.contract.events.Severity;
import dev.argus.contract.events.TargetEventType;
import dev.argus.contract.llm.LlmEventType;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One notification, the same for every provider; as JSON it is the webhook's body.
 *
 * @param eventId the event's id; null for a test notification
 * @param title e.g. {@code [HIGH] on_battery: ups-office}
 * @param message the text: what happened, when, and the event's metadata
 */
record AlertMessage(
    @JsonProperty("event_id") String eventId,
    String source,
    @JsonProperty("subject_id") String subjectId,
    @JsonProperty("event_type") String eventType,
    Severity severity,
    Instant timestamp,
    Map<String, Object> metadata,
    String title,
    String message,
    @JsonIgnore boolean isTest) {

  /** Event types that say something is fine again. */
  static final Set<String> RECOVERIES =
      Set.of(
          PowerEventType.POWER_RESTORED.wireName(),
          PowerEventType.DEVICE_ONLINE.wireName(),
          TargetEventType.RECOVERED.wireName(),
          LlmEventType.RECOVERED.wireName(),
          CameraEventType.CAMERA_ONLINE.wireName());

  static AlertMessage of(DerivedEvent event) {
    String subject = subjectName(event);
    String title = "[" + event.severity().name() + "] " + event.eventType() + ": " + subject;
    StringBuilder body = new StringBuilder();
    // A camera alert says what was seen where ("person detected on Front door"), then the
    // processor's own words when it wrote others.
    if (CameraEventType.CAMERA_DETECTION.wireName().equals(event.eventType())) {
      String sentence = detectionSentence(event, subject);
      body.append(sentence).append('\n');
      if (event.metadata().get("message") instanceof String message
          && !message.isBlank()
          && !message.strip().equals(sentence)) {
        body.append(message.strip()).append('\n');
      }
    }
    // An LLM alert says in words what its rule saw ("gpt-4.1 on OpenAI is down: HTTP 500").
    if (DerivedEvent.SOURCE_LLM.equals(event.source())
        && event.metadata().get("message") instanceof String message
        && !message.isBlank()) {
      body.append(message).append('\n');
    }
    body.append(event.eventType())
        .append(" on ")
        .append(event.source())
        .append(' ')
        .append(subject)
        .append(" at ")
        .append(event.timestamp())
        .append('\n')
        .append("severity: ")
        .append(event.severity().wireName());
    // Sorted, so the same event always reads the same.
    new TreeMap<>(event.metadata())
        .forEach((key, value) -> body.append('\n').append(key).append(": ").append(value));
    return new AlertMessage(
        event.eventId(),
        event.source(),
        event.subjectId(),
        event.eventType(),
        event.severity(),
        event.timestamp(),
        event.metadata(),
        title,
        body.toString(),
        false);
  }

  /**
   * What a person calls the subject: for an LLM event the model's name (the subject id is a UUID,
   * or a rule's id), for a camera event the camera's name, else the subject id.
   */
  private static String subjectName(DerivedEvent event) {
    if (DerivedEvent.SOURCE_CAMERA.equals(event.source())
        && event.metadata().get("camera_name") instanceof String name
        && !name.isBlank()) {
      return name;
    }
    if (DerivedEvent.SOURCE_LLM.equals(event.source())) {
      for (String key : new String[] {"model_name", "rule_name"}) {
        if (event.metadata().get(key) instanceof String name && !name.isBlank()) {
          return name;
        }
      }
    }
    return event.subjectId();
  }

  /** E.g. {@code person detected on Front door (rule Doorstep)}. */
  private static String detectionSentence(DerivedEvent event, String camera) {
    Object type = event.metadata().get("detection_type");
    String what = type instanceof String named && !named.isBlank() ? named : "motion";
    StringBuilder sentence = new StringBuilder(what).append(" detected on ").append(camera);
    if (event.metadata().get("rule_name") instanceof String rule && !rule.isBlank()) {
      sentence.append(" (rule ").append(rule).append(')');
    }
    return sentence.toString();
  }

  static AlertMessage test(Instant now) {
    return new AlertMessage(
        null,
        "argus",
        "argus",
        "test",
        Severity.LOW,
        now,
        Map.of(),
        "[TEST] Argus alert test",
        "A test notification from Argus at " + now + ". This provider works.",
        true);
  }

  @JsonIgnore
  boolean isRecovery() {
    return RECOVERIES.contains(eventType);
  }
}
