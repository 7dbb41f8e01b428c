package dev.argus.api.power;

import dev.argus.api.system.ErrorBody;
import dev.argus.api.system.paging.Page;
import dev.argus.contract.events.PowerEventType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/events}. */
@RestController
@RequestMapping("/api/events")
@Tag(name = "events")
class EventController {

  private static final String EVENT_TYPES =
      Arrays.stream(PowerEventType.values())
          .map(PowerEventType::wireName)
          .collect(Collectors.joining(", "));

  private final EventRepository events;

  EventController(EventRepository events) {
    this.events = events;
  }

  @GetMapping
  @Operation(summary = "Power events derived by the processor, newest first")
  @ApiResponse(responseCode = "200", description = "One page of events")
  @ApiResponse(
      responseCode = "422",
      description = "Invalid query parameter or unknown event_type",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  Page<PowerEvent> list(
      @RequestParam(defaultValue = Page.DEFAULT_PAGE) @Min(value = 1, message = Page.PAGE_RULE)
          int page,
      @RequestParam(name = "page_size", defaultValue = Page.DEFAULT_PAGE_SIZE)
          @Min(value = 1, message = Page.PAGE_SIZE_RULE)
          @Max(value = Page.MAX_PAGE_SIZE, message = Page.PAGE_SIZE_RULE)
          int pageSize,
      @Parameter(description = "Only events of this device")
          @RequestParam(name = "device_id", required = false)
          String deviceId,
      @Parameter(description = "Only events of this type, e.g. on_battery or device_offline")
          @RequestParam(name = "event_type", required = false)
          String eventType) {
    return events.page(QueryFilters.optional(deviceId), eventTypeFilter(eventType), page, pageSize);
  }

  private static PowerEventType eventTypeFilter(String eventType) {
    String wireName = QueryFilters.optional(eventType);
    if (wireName == null) {
      return null;
    }
    try {
      return PowerEventType.fromWireName(wireName);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "event_type must be one of " + EVENT_TYPES + ", got '" + wireName + "'");
    }
  }
}
