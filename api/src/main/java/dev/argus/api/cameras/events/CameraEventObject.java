package dev.argus.api.cameras.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.contract.camera.DetectedObject;
import io.swagger.v3.oas.annotations.media.Schema;

/** An object the description names or the detector found, with where it is when the source said. */
@Schema(name = "CameraEventObject")
record CameraEventObject(
    @JsonProperty("label") String label,
    @Schema(nullable = true) @JsonProperty("confidence") Double confidence,
    @Schema(nullable = true) @JsonProperty("box") Box box) {

  static CameraEventObject of(DetectedObject object) {
    return new CameraEventObject(
        object.label(),
        object.confidence(),
        object.box() == null
            ? null
            : new Box(
                object.box().x(), object.box().y(), object.box().width(), object.box().height()));
  }

  /** A box in relative coordinates (0..1 of the picture's width and height). */
  @Schema(name = "CameraEventBox")
  record Box(
      @JsonProperty("x") double x,
      @JsonProperty("y") double y,
      @JsonProperty("width") double width,
      @JsonProperty("height") double height) {}
}
