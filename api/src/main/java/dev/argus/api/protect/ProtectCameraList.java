package dev.argus.api.protect;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** {@code GET /api/v1/protect/controllers/{id}/cameras}: the controller's cameras, live. */
@Schema(name = "ProtectCameraList")
record ProtectCameraList(
    @JsonProperty("controller_id") UUID controllerId,
    @Schema(nullable = true) @JsonProperty("nvr_name") String nvrName,
    @Schema(nullable = true) @JsonProperty("nvr_version") String nvrVersion,
    @JsonProperty("cameras") List<Item> cameras,
    @JsonProperty("total") int total) {

  /**
   * A camera of the controller's bootstrap.
   *
   * @param id the controller's id of the camera: the {@code protect_camera_id} of an Argus camera
   * @param argusCameraId the Argus camera (type protect) already made of it, or null
   */
  @Schema(name = "ProtectCamera")
  record Item(
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @Schema(description = "The model, e.g. UVC G4 Doorbell") @JsonProperty("type") String type,
      @Schema(description = "e.g. CONNECTED, DISCONNECTED") @JsonProperty("state") String state,
      @JsonProperty("is_doorbell") boolean isDoorbell,
      @Schema(description = "The smart detections it makes: person, vehicle, animal, package, …")
          @JsonProperty("smart_detect_types")
          List<String> smartDetectTypes,
      @Schema(nullable = true) @JsonProperty("argus_camera_id") UUID argusCameraId) {}
}
