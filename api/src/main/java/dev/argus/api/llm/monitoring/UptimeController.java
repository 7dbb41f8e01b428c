package dev.argus.api.llm.monitoring;

import dev.argus.api.system.text.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/monitoring/uptime}: the probe history, as pages or as a streamed export. */
@RestController
@RequestMapping("/api/v1/monitoring/uptime")
@Tag(name = "llm monitoring")
class UptimeController {

  private static final Set<String> STATUSES = Set.of("up", "degraded", "down");
  private static final String LIMIT_RULE = "limit must be between 1 and 10000";
  private static final String OFFSET_RULE = "offset must be at least 0";

  private final UptimeRepository history;
  private final UptimeExport export;

  UptimeController(UptimeRepository history, JsonMapper json) {
    this.history = history;
    this.export = new UptimeExport(history, json);
  }

  @GetMapping
  @Operation(summary = "Probe results, newest first")
  UptimePage uptime(
      @Parameter(description = "Only this model's probes (its UUID)")
          @RequestParam(name = "model_id", required = false)
          UUID modelId,
      @Parameter(description = "up, degraded or down") @RequestParam(required = false)
          String status,
      @Parameter(description = "Only probes at or after this time (ISO-8601, or a date)")
          @RequestParam(required = false)
          String since,
      @RequestParam(defaultValue = "100")
          @Min(value = 1, message = LIMIT_RULE)
          @Max(value = 10_000, message = LIMIT_RULE)
          int limit,
      @RequestParam(defaultValue = "0") @Min(value = 0, message = OFFSET_RULE) long offset) {
    String statusFilter = StringUtils.hasText(status) ? status.strip() : null;
    if (statusFilter != null && !STATUSES.contains(statusFilter)) {
      throw new ResponseStatusException(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "status must be one of up, degraded, down, got '" + statusFilter + "'");
    }
    return history.page(
        new UptimeRepository.Filter(modelId, statusFilter, Timestamps.from("since", since), null),
        limit,
        offset);
  }

  @GetMapping("/export")
  @Operation(
      summary = "Every probe result in a time range, oldest first, as JSON or CSV",
      description =
          "Streamed as it is read from the database, so any range can be exported. Every column"
              + " of the history; CSV per RFC 4180 with a header line.")
  @ApiResponse(
      responseCode = "200",
      description = "The probe results",
      content = {
        @Content(
            mediaType = "application/json",
            array = @ArraySchema(schema = @Schema(implementation = UptimeExportRow.class))),
        @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
      })
  void export(
      @Parameter(description = "json or csv (required)") @RequestParam(required = false)
          String format,
      @Parameter(description = "From this time on (ISO-8601, or a date: from its start)")
          @RequestParam(name = "start_date", required = false)
          String startDate,
      @Parameter(description = "Up to this time (ISO-8601, or a date: to its end)")
          @RequestParam(name = "end_date", required = false)
          String endDate,
      @Parameter(description = "Only this model's probes (its UUID)")
          @RequestParam(name = "model_id", required = false)
          UUID modelId,
      HttpServletResponse response)
      throws IOException {
    UptimeExport.Format chosen = UptimeExport.Format.of(format);
    var filter =
        new UptimeRepository.Filter(
            modelId,
            null,
            Timestamps.from("start_date", startDate),
            Timestamps.until("end_date", endDate));
    if (filter.since() != null
        && filter.until() != null
        && filter.since().isAfter(filter.until())) {
      throw new ResponseStatusException(
          HttpStatus.UNPROCESSABLE_CONTENT, "start_date must not be after end_date");
    }
    try {
      export.write(chosen, filter, response);
    } catch (UncheckedIOException e) {
      // The client went away mid-stream; nothing can be answered any more.
      throw e.getCause();
    }
  }
}
