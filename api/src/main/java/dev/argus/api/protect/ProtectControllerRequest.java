package dev.argus.api.protect;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/protect/controllers} and {@code PUT …/{id}} (where only the
 * fields present change); checked by {@link ProtectControllerRules}.
 */
@Schema(name = "ProtectControllerRequest")
record ProtectControllerRequest(
    @Schema(description = "1-200 characters, unique (case-insensitive)") @JsonProperty("name")
        String name,
    @Schema(description = "Host name or address of the controller, no scheme or path")
        @JsonProperty("host")
        String host,
    @Schema(description = "HTTPS port, default 443") @JsonProperty("port") Integer port,
    @Schema(description = "A local user of the controller") @JsonProperty("username")
        String username,
    @Schema(
            description =
                "Write only: stored encrypted, never returned (see has_password). Required on"
                    + " create; in a PUT left out, null or \"\" keeps the stored one")
        @JsonProperty("password")
        String password,
    @Schema(
            description =
                "Whether the controller's certificate must be trusted; default false (most"
                    + " controllers have a self-signed one)")
        @JsonProperty("verify_ssl")
        Boolean verifySsl,
    @Schema(description = "Default true") @JsonProperty("enabled") Boolean enabled,
    @Schema(
            description =
                "The collector that keeps its session; null: any that takes unassigned work")
        @JsonProperty("collector")
        String collector) {}
