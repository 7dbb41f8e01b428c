package dev.argus.api.energy;

import dev.argus.api.system.ErrorBody;
import dev.argus.api.system.runtimeconfig.RuntimeSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/energy} (the seed's cumulative totals) and {@code GET /api/energy/daily}; both
 * answer 404 unless {@code energy} is in the runtime config's {@code enabled_exporters}, as the
 * seed's {@code ENABLED_EXPORTERS} says.
 */
@RestController
@RequestMapping("/api/energy")
@Tag(name = "energy")
class EnergyController {

  static final int MAX_DAYS = 366;
  static final String DISABLED = "The energy exporter is not enabled (enabled_exporters).";
  private static final int DEFAULT_DAYS = 30;

  private final EnergyRepository energy;
  private final Clock clock;
  private final RuntimeSettings settings;

  EnergyController(EnergyRepository energy, Clock clock, RuntimeSettings settings) {
    this.energy = energy;
    this.clock = clock;
    this.settings = settings;
  }

  @GetMapping
  @Operation(summary = "Cumulative energy per device (trapezoidal integration of power), with cost")
  @ApiResponse(responseCode = "200", description = "One total per device")
  @ApiResponse(
      responseCode = "404",
      description = "The energy exporter is not enabled (enabled_exporters)",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  List<EnergyTotal> totals(
      @Parameter(description = "Only this device")
          @RequestParam(name = "device_id", required = false)
          String deviceId) {
    requireEnabled();
    return energy.totals(blankToNull(deviceId));
  }

  @GetMapping("/daily")
  @Operation(summary = "Energy per device and UTC day, newest day first")
  @ApiResponse(responseCode = "200", description = "Energy per device and day")
  @ApiResponse(
      responseCode = "404",
      description = "The energy exporter is not enabled (enabled_exporters)",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @ApiResponse(
      responseCode = "422",
      description = "Invalid date range",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  List<DailyEnergy> daily(
      @RequestParam(name = "device_id", required = false) String deviceId,
      @Parameter(description = "First day (YYYY-MM-DD); default 30 days before `to`")
          @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate from,
      @Parameter(description = "Last day (YYYY-MM-DD); default today (UTC)")
          @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate to) {
    requireEnabled();
    LocalDate last = to != null ? to : LocalDate.now(clock);
    LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
    if (first.isAfter(last)) {
      throw unprocessable("from (" + first + ") must not be after to (" + last + ")");
    }
    if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
      throw unprocessable(
          "the range from " + first + " to " + last + " is longer than " + MAX_DAYS + " days");
    }
    return energy.daily(blankToNull(deviceId), first, last);
  }

  private void requireEnabled() {
    if (!settings.exporterEnabled("energy")) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, DISABLED);
    }
  }

  private static ResponseStatusException unprocessable(String detail) {
    return new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, detail);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
