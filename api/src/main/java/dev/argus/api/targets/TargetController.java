package dev.argus.api.targets;

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
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/targets}: uptime targets. Reads need {@code read:targets}, changes {@code
 * write:targets} ({@code admin} implies both; see the security package's AccessRules).
 */
@RestController
@RequestMapping("/api/v1/targets")
@Tag(name = "targets")
class TargetController {

  private static final Set<String> STATUSES = Set.of("up", "down", "unknown");

  private final TargetService targets;

  TargetController(TargetService targets) {
    this.targets = targets;
  }

  @GetMapping
  @Operation(summary = "Targets with their current state, by id")
  Page<Target> list(
      @RequestParam(defaultValue = Page.DEFAULT_PAGE) @Min(value = 1, message = Page.PAGE_RULE)
          int page,
      @RequestParam(name = "page_size", defaultValue = Page.DEFAULT_PAGE_SIZE)
          @Min(value = 1, message = Page.PAGE_SIZE_RULE)
          @Max(value = Page.MAX_PAGE_SIZE, message = Page.PAGE_SIZE_RULE)
          int pageSize,
      @Parameter(description = "Only enabled (true) or disabled (false) targets")
          @RequestParam(required = false)
          Boolean enabled,
      @Parameter(description = "Only targets of this site") @RequestParam(required = false)
          String site,
      @Parameter(description = "up, down, or unknown (no probe result yet)")
          @RequestParam(required = false)
          String status) {
    String statusFilter = StringUtils.hasText(status) ? status : null;
    if (statusFilter != null && !STATUSES.contains(statusFilter)) {
      throw new ResponseStatusException(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "status must be one of up, down, unknown, got '" + statusFilter + "'");
    }
    String siteFilter = StringUtils.hasText(site) ? site : null;
    return targets.page(
        new TargetRepository.Filter(enabled, siteFilter, statusFilter), page, pageSize);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a target; collectors start probing it")
  @ApiResponse(
      responseCode = "409",
      description = "Another target has this name",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  Target create(@RequestBody TargetRequest request) {
    return targets.create(request);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One target with its current state")
  Target get(@PathVariable long id) {
    return targets.get(id);
  }

  @PutMapping("/{id}")
  @Operation(summary = "Replace a target's settings; omitted fields take their defaults")
  @ApiResponse(responseCode = "200", description = "The target")
  @ApiResponse(
      responseCode = "409",
      description = "Another target has this name",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  Target replace(@PathVariable long id, @RequestBody TargetRequest request) {
    return targets.replace(id, request);
  }

  @PatchMapping("/{id}")
  @Operation(summary = "Change the given fields of a target; null resets a field to its default")
  @ApiResponse(responseCode = "200", description = "The target")
  @ApiResponse(
      responseCode = "409",
      description = "Another target has this name",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  Target patch(
      @PathVariable long id,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = TargetRequest.class)))
          @RequestBody
          JsonNode patch) {
    return targets.patch(id, patch);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a target; collectors stop probing it")
  void delete(@PathVariable long id) {
    targets.delete(id);
  }

  @PostMapping("/{id}/acknowledge")
  @Operation(
      summary = "Acknowledge a down target",
      description =
          "Takes the target off /api/v1/alert-status until it recovers; a new run of failures"
              + " alerts again. 409 when the target is not down.")
  @ApiResponse(responseCode = "200", description = "The target, acknowledged")
  @ApiResponse(
      responseCode = "409",
      description = "The target is not down",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  Target acknowledge(@PathVariable long id) {
    return targets.acknowledge(id);
  }

  @GetMapping("/{id}/results")
  @Operation(summary = "The target's recent probe results, newest first")
  Page<ProbeResultItem> results(
      @PathVariable long id,
      @RequestParam(defaultValue = Page.DEFAULT_PAGE) @Min(value = 1, message = Page.PAGE_RULE)
          int page,
      @RequestParam(name = "page_size", defaultValue = Page.DEFAULT_PAGE_SIZE)
          @Min(value = 1, message = Page.PAGE_SIZE_RULE)
          @Max(value = Page.MAX_PAGE_SIZE, message = Page.PAGE_SIZE_RULE)
          int pageSize) {
    return targets.results(id, page, pageSize);
  }

  @GetMapping("/{id}/events")
  @Operation(
      summary = "The target's events (threshold_reached, recovered, alert_repeat), newest first")
  Page<TargetEvent> events(
      @PathVariable long id,
      @RequestParam(defaultValue = Page.DEFAULT_PAGE) @Min(value = 1, message = Page.PAGE_RULE)
          int page,
      @RequestParam(name = "page_size", defaultValue = Page.DEFAULT_PAGE_SIZE)
          @Min(value = 1, message = Page.PAGE_SIZE_RULE)
          @Max(value = Page.MAX_PAGE_SIZE, message = Page.PAGE_SIZE_RULE)
          int pageSize) {
    return targets.events(id, page, pageSize);
  }
}
