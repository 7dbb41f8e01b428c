package dev.argus.api.config;

import dev.argus.api.system.ErrorBody;
import dev.argus.api.system.runtimeconfig.RuntimeSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code GET/PUT /api/config}: runtime settings, applied by the services without a restart. */
@RestController
@RequestMapping("/api/config")
@Tag(name = "config")
class RuntimeConfigController {

  private final RuntimeSettings settings;

  RuntimeConfigController(RuntimeSettings settings) {
    this.settings = settings;
  }

  @GetMapping
  @Operation(summary = "Runtime settings; the NUT password is never returned")
  RuntimeConfigView get() {
    return RuntimeConfigView.of(settings.current());
  }

  @PutMapping
  @Operation(
      summary = "Update runtime settings",
      description =
          "Fields left out keep their value (nut_password too); null clears an optional field."
              + " \"sqlite\" in enabled_exporters is accepted as the seed's name for postgres.")
  @ApiResponse(responseCode = "200", description = "The settings now in force")
  @ApiResponse(
      responseCode = "422",
      description = "Invalid settings, every problem named",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  RuntimeConfigView put(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              description =
                  "The fields of GET /api/config to change (not nut_password_set), and"
                      + " nut_password",
              content = @Content(schema = @Schema(type = "object")))
          @RequestBody
          JsonNode body) {
    // Validate before the transaction, so an invalid body costs no row lock.
    RuntimeConfigUpdate.apply(settings.current(), body);
    return RuntimeConfigView.of(
        settings.update(current -> RuntimeConfigUpdate.apply(current, body)));
  }
}
