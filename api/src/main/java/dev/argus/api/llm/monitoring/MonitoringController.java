package dev.argus.api.llm.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/monitoring/config} and {@code /run}. Reads need {@code read:models}, changes and
 * runs {@code write:models}.
 */
@RestController
@RequestMapping("/api/v1/monitoring")
@Tag(name = "llm monitoring")
class MonitoringController {

  private final MonitoringService monitoring;

  MonitoringController(MonitoringService monitoring) {
    this.monitoring = monitoring;
  }

  @GetMapping("/config")
  @Operation(summary = "The global monitoring settings and when the last run was queued")
  MonitoringSettings settings() {
    return monitoring.settings();
  }

  @PatchMapping("/config")
  @Operation(
      summary = "Change the given monitoring settings; applied without a restart",
      description =
          "interval_minutes 1–10080, prompt_pack one of the prompt packs, probe_max_tokens at"
              + " least 16.")
  @ApiResponse(responseCode = "200", description = "The settings")
  MonitoringSettings patch(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(schema = @Schema(implementation = MonitoringSettingsRequest.class)))
          @RequestBody
          JsonNode patch) {
    return monitoring.patch(patch);
  }

  @PostMapping("/run")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Queue a monitoring run of every model enabled for monitoring",
      description = "A collector runs it; its probe results carry run_id.")
  RunQueued run() {
    return monitoring.run();
  }
}
