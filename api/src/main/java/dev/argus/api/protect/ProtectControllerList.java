package dev.argus.api.protect;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** {@code GET /api/v1/protect/controllers}: every controller, by name (as the cameras list is). */
@Schema(name = "ProtectControllerList")
record ProtectControllerList(
    @JsonProperty("controllers") List<ProtectController> controllers,
    @JsonProperty("total") int total) {}
