package dev.argus.api.system.settings;

import dev.argus.api.system.ErrorBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code GET/PUT /api/v1/system/settings}. */
@RestController
@RequestMapping("/api/v1/system/settings")
@Tag(name = "system")
class SystemSettingsController {

  private final SystemSettingsRepository settings;
  private final VisionModels visionModels;

  SystemSettingsController(SystemSettingsRepository settings, VisionModels visionModels) {
    this.settings = settings;
    this.visionModels = visionModels;
  }

  @GetMapping
  @Operation(
      summary =
          "System settings: event retention, AI cost caps, motion and analysis defaults, the"
              + " AI fallback chain")
  SystemSettings get() {
    return settings.current();
  }

  @PutMapping
  @Transactional
  @Operation(
      summary = "Change system settings",
      description =
          "A partial update: fields left out keep their value, null clears a cost cap or the"
              + " description prompt. Every invalid field is named in one 422.")
  @ApiResponse(responseCode = "200", description = "The settings now in force")
  @ApiResponse(
      responseCode = "422",
      description = "Invalid settings, every problem named",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  SystemSettings put(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              description = "The fields of GET /api/v1/system/settings to change",
              content = @Content(schema = @Schema(type = "object")))
          @RequestBody
          JsonNode body) {
    Map<String, Object> columns = SettingsUpdate.columns(body, this::unusableInChain);
    return settings.update(columns);
  }

  /** One message per model of {@code chain} that does not exist or cannot describe images. */
  private List<String> unusableInChain(List<UUID> chain) {
    Map<UUID, String> providerTypes = settings.providerTypesOf(chain);
    List<String> problems = new ArrayList<>();
    for (UUID model : chain) {
      String type = providerTypes.get(model);
      if (type == null) {
        problems.add("no model " + model + "; list the models with GET /api/v1/models");
      } else {
        visionModels
            .whyNot(type)
            .ifPresent(why -> problems.add("model " + model + " cannot describe images: " + why));
      }
    }
    return problems;
  }
}
