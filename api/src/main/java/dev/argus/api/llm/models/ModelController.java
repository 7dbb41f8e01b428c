package dev.argus.api.llm.models;

import dev.argus.api.system.ErrorBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/models}: the models of the provider accounts. Reads need {@code read:models},
 * changes {@code write:models}.
 */
@RestController
@RequestMapping("/api/v1/models")
@Tag(name = "llm models")
class ModelController {

  private static final String LIMIT_RULE = "limit must be between 1 and 500";
  private static final String OFFSET_RULE = "offset must be at least 0";

  private final ModelService models;

  ModelController(ModelService models) {
    this.models = models;
  }

  @GetMapping
  @Operation(summary = "Models, by provider name and model id, with optional filters")
  ModelList list(
      @Parameter(description = "Only the models of this provider account")
          @RequestParam(name = "provider_id", required = false)
          UUID providerId,
      @RequestParam(name = "enabled_for_monitoring", required = false) Boolean enabledForMonitoring,
      @RequestParam(name = "enabled_for_benchmark", required = false) Boolean enabledForBenchmark,
      @Parameter(description = "Part of the model id or custom name, case-insensitive")
          @RequestParam(required = false)
          String search,
      @RequestParam(defaultValue = "50")
          @Min(value = 1, message = LIMIT_RULE)
          @Max(value = 500, message = LIMIT_RULE)
          int limit,
      @RequestParam(defaultValue = "0") @Min(value = 0, message = OFFSET_RULE) long offset) {
    return models.page(
        new ModelRepository.Filter(
            providerId,
            enabledForMonitoring,
            enabledForBenchmark,
            StringUtils.hasText(search) ? search.strip() : null),
        limit,
        offset);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a model by hand (source: manual)")
  @ApiResponse(
      responseCode = "409",
      description = "The provider already has this model id",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  Model create(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = ModelRequest.class)))
          @RequestBody
          JsonNode body) {
    return models.create(body);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One model")
  Model get(@PathVariable UUID id) {
    return models.get(id);
  }

  @PatchMapping("/{id}")
  @Operation(
      summary = "Change the given fields of a model",
      description =
          "custom_name, enabled_for_monitoring, enabled_for_benchmark, the thresholds and"
              + " metadata; null resets a threshold to the monitoring default.")
  @ApiResponse(responseCode = "200", description = "The model")
  Model patch(
      @PathVariable UUID id,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = ModelRequest.class)))
          @RequestBody
          JsonNode patch) {
    return models.patch(id, patch);
  }
}
