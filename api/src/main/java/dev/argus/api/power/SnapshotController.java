package dev.argus.api.power;

import dev.argus.api.system.ErrorBody;
import dev.argus.api.system.paging.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/snapshots} and {@code GET /api/snapshots/latest}. */
@RestController
@RequestMapping("/api/snapshots")
@Tag(name = "snapshots")
class SnapshotController {

  private final SnapshotRepository snapshots;

  SnapshotController(SnapshotRepository snapshots) {
    this.snapshots = snapshots;
  }

  @GetMapping
  @Operation(summary = "Snapshots of successful polls, newest first")
  @ApiResponse(responseCode = "200", description = "One page of snapshots")
  @ApiResponse(
      responseCode = "422",
      description = "Invalid query parameter",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  Page<Snapshot> list(
      @RequestParam(defaultValue = Page.DEFAULT_PAGE) @Min(value = 1, message = Page.PAGE_RULE)
          int page,
      @RequestParam(name = "page_size", defaultValue = Page.DEFAULT_PAGE_SIZE)
          @Min(value = 1, message = Page.PAGE_SIZE_RULE)
          @Max(value = Page.MAX_PAGE_SIZE, message = Page.PAGE_SIZE_RULE)
          int pageSize,
      @Parameter(description = "Only snapshots of this device")
          @RequestParam(name = "device_id", required = false)
          String deviceId) {
    return snapshots.page(QueryFilters.optional(deviceId), page, pageSize);
  }

  @GetMapping("/latest")
  @Operation(summary = "The newest snapshot of all devices, or of one device")
  @ApiResponse(responseCode = "200", description = "The newest snapshot")
  @ApiResponse(
      responseCode = "404",
      description = "No snapshot yet",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  Snapshot latest(
      @Parameter(description = "The newest snapshot of this device")
          @RequestParam(name = "device_id", required = false)
          String deviceId) {
    String device = QueryFilters.optional(deviceId);
    if (device == null) {
      return snapshots.latest().orElseThrow(() -> notFound("No snapshots yet"));
    }
    return snapshots
        .latestOf(device)
        .orElseThrow(() -> notFound("No snapshot for device '" + device + "'"));
  }

  private static ResponseStatusException notFound(String detail) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, detail);
  }
}
