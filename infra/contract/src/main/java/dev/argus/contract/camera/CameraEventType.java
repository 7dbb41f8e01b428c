package dev.argus.contract.camera;

import dev.argus.contract.events.Severity;
import java.util.Locale;

/**
 * The camera events on {@code argus.events} (source {@code camera}) that alerts and {@code
 * notification.new} carry: a worker that lost its camera, and found it again; an event that matched
 * an alert rule.
 */
public enum CameraEventType {
  CAMERA_OFFLINE(Severity.HIGH),
  CAMERA_ONLINE(Severity.LOW),
  /** An event matched a camera alert rule ({@link CameraAlertRuleConfig}). */
  CAMERA_DETECTION(Severity.MEDIUM);

  private final Severity severity;

  CameraEventType(Severity severity) {
    this.severity = severity;
  }

  public Severity severity() {
    return severity;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
