package dev.argus.api.ai;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.contract.camera.DetectedObject;
import dev.argus.contract.camera.RelativeBox;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** An object the description named, with where it is when the model said. */
@Schema(name = "AiObject")
record ObjectView(
    @JsonProperty("label") String label,
    @Schema(nullable = true, description = "0..1 when the model gave one")
        @JsonProperty("confidence")
        Double confidence,
    @Schema(nullable = true, description = "Relative to the image, 0..1") @JsonProperty("box")
        Box box) {

  @Schema(name = "AiObjectBox")
  record Box(
      @JsonProperty("x") double x,
      @JsonProperty("y") double y,
      @JsonProperty("width") double width,
      @JsonProperty("height") double height) {}

  static List<ObjectView> of(List<DetectedObject> objects) {
    return objects.stream().map(ObjectView::of).toList();
  }

  private static ObjectView of(DetectedObject object) {
    RelativeBox box = object.box();
    return new ObjectView(
        object.label(),
        object.confidence(),
        box == null ? null : new Box(box.x(), box.y(), box.width(), box.height()));
  }
}
