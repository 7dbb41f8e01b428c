package dev.argus.api.protect;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A Protect controller as the api shows it: the password never, only whether one is stored. */
@Schema(name = "ProtectController")
record ProtectController(
    @JsonProperty("id") UUID id,
    @JsonProperty("name") String name,
    @JsonProperty("host") String host,
    @JsonProperty("port") int port,
    @JsonProperty("username") String username,
    @JsonProperty("has_password") boolean hasPassword,
    @JsonProperty("verify_ssl") boolean verifySsl,
    @JsonProperty("enabled") boolean enabled,
    @Schema(nullable = true) @JsonProperty("collector") String collector,
    @JsonProperty("status") Status status,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt) {

  /**
   * The session's newest state as the collector running it reported it ({@code
   * argus.protect.status}, stored by the processor); {@code unknown} before the first report.
   *
   * @param state connected, connecting, error, stopped or unknown
   * @param reason why it is not connected
   */
  @Schema(name = "ProtectControllerStatus")
  record Status(
      @JsonProperty("state") String state,
      @Schema(nullable = true) @JsonProperty("reason") String reason,
      @Schema(nullable = true) @JsonProperty("collector_id") String collectorId,
      @Schema(nullable = true) @JsonProperty("nvr_name") String nvrName,
      @Schema(nullable = true) @JsonProperty("nvr_version") String nvrVersion,
      @Schema(nullable = true) @JsonProperty("cameras_found") Integer camerasFound,
      @Schema(nullable = true) @JsonProperty("last_event_at") Instant lastEventAt,
      @Schema(nullable = true) @JsonProperty("updated_at") Instant updatedAt) {

    static final String UNKNOWN = "unknown";

    static Status unknown() {
      return new Status(UNKNOWN, null, null, null, null, null, null, null);
    }
  }
}
