package dev.argus.api.protect;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.protect.ProtectTestResult;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer of {@code POST /api/v1/protect/controllers/test}: {@code success: false} with the
 * reason when the controller refused or could not be reached, never an HTTP error.
 */
@Schema(name = "ProtectControllerTestResult")
record ProtectTestView(
    @JsonProperty("success") boolean success,
    @JsonProperty("message") String message,
    @Schema(nullable = true) @JsonProperty("nvr_name") String nvrName,
    @Schema(nullable = true) @JsonProperty("nvr_version") String nvrVersion,
    @Schema(nullable = true) @JsonProperty("cameras_found") Integer camerasFound) {

  static ProtectTestView of(ProtectTestResult result) {
    String message = result.message();
    if (message == null || message.isBlank()) {
      message = result.success() ? "connected" : "failed";
    }
    return new ProtectTestView(
        result.success(), message, result.nvrName(), result.nvrVersion(), result.camerasFound());
  }

  static ProtectTestView failure(String message) {
    return new ProtectTestView(false, message, null, null, null);
  }
}
