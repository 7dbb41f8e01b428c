package dev.argus.contract.camera;

import java.util.List;

/**
 * An alert rule about camera events ({@code /api/v1/alerts/rules}, {@code rule_type} {@value
 * #CAMERA_DETECTION}), published under {@link dev.argus.contract.config.ConfigKeys#cameraRule}. The
 * processor evaluates it on every camera event it raises, from a collector's own motion detection
 * and from a Protect controller alike: a matching event opens an alert (a {@code camera_detection}
 * event on {@code argus.events}).
 *
 * @param cameraIds the cameras it watches; empty means every camera
 * @param detectionTypes the detection types that match ({@code person}, {@code vehicle}, {@code
 *     animal}, {@code package}, {@code ring}, {@code motion}); empty means every type
 */
public record CameraAlertRuleConfig(
    String id,
    String name,
    List<String> cameraIds,
    List<String> detectionTypes,
    boolean enabled,
    boolean notifyInApp) {

  public static final String CAMERA_DETECTION = "camera_detection";

  public CameraAlertRuleConfig {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id is required");
    }
    cameraIds = cameraIds == null ? List.of() : List.copyOf(cameraIds);
    detectionTypes = detectionTypes == null ? List.of() : List.copyOf(detectionTypes);
  }

  /** Whether an event of this camera and detection type matches (ignores {@link #enabled}). */
  public boolean matches(String cameraId, String detectionType) {
    return (cameraIds.isEmpty() || cameraIds.contains(cameraId))
        && (detectionTypes.isEmpty() || detectionTypes.contains(detectionType));
  }
}
