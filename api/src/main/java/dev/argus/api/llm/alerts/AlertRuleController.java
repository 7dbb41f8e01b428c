package dev.argus.api.llm.alerts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/alerts/rules}: the alert rules the processor evaluates, on LLM probes and (type
 * {@code camera_detection}) on camera events. Reads need {@code read:models}, changes {@code
 * write:models} (see the security package's AccessRules).
 */
@RestController
@RequestMapping("/api/v1/alerts/rules")
@Tag(name = "llm alerts")
class AlertRuleController {

  private final AlertRuleService rules;

  AlertRuleController(AlertRuleService rules) {
    this.rules = rules;
  }

  @GetMapping
  @Operation(summary = "Every alert rule, oldest first")
  List<AlertRule> list() {
    return rules.all();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create an alert rule",
      description =
          "rule_type any_model_down, specific_model_down (target_model_id),"
              + " model_unavailable_everywhere (target_model_name), performance_degradation"
              + " (threshold_config), or camera_detection: an alert for each camera event of"
              + " camera_ids (empty: every camera) whose detection type is one of detection_types"
              + " (empty: every type).")
  AlertRule create(@RequestBody AlertRuleRequest request) {
    return rules.create(request);
  }

  @PatchMapping("/{id}")
  @Operation(summary = "Change the given fields of a rule; the result meets the rules of a create")
  @ApiResponse(responseCode = "200", description = "The rule")
  AlertRule patch(
      @PathVariable UUID id,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = AlertRuleRequest.class)))
          @RequestBody
          JsonNode patch) {
    return rules.patch(id, patch);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a rule; its open alerts stay in the list")
  void delete(@PathVariable UUID id) {
    rules.delete(id);
  }
}
