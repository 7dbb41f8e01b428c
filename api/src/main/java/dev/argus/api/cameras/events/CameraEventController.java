package dev.argus.api.cameras.events;

import dev.argus.api.system.text.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/v1/events}: camera events. Reads need {@code read:events}, a delete {@code
 * write:cameras} (see the security package's AccessRules). Error bodies carry {@code status_code},
 * as the camera seed's do.
 */
@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "camera events")
class CameraEventController {

  static final List<String> DETECTION_TYPES =
      List.of("person", "vehicle", "animal", "package", "motion", "ring");
  private static final String PAGE_RULE = "page must be at least 1";
  private static final int MAX_TEXT = 200;
  private static final Duration DEFAULT_STATS_RANGE = Duration.ofDays(7);

  private final CameraEventRepository events;
  private final CameraEventExport export;
  private final TransactionTemplate transactions;
  private final Clock clock;

  CameraEventController(
      CameraEventRepository events, TransactionTemplate transactions, Clock clock) {
    this.events = events;
    this.export = new CameraEventExport(events);
    this.transactions = transactions;
    this.clock = clock;
  }

  @GetMapping
  @Operation(summary = "Camera events, newest first, with their newest description")
  CameraEventPage list(
      @RequestParam(defaultValue = "1") @Min(value = 1, message = PAGE_RULE) int page,
      @RequestParam(defaultValue = "20")
          @Min(value = 1, message = CameraEventPage.LIMIT_RULE)
          @Max(value = CameraEventPage.MAX_LIMIT, message = CameraEventPage.LIMIT_RULE)
          int limit,
      @Parameter(description = "Only this camera's events")
          @RequestParam(name = "camera_id", required = false)
          UUID cameraId,
      @Parameter(description = "person, vehicle, animal, package, motion or ring")
          @RequestParam(name = "detection_type", required = false)
          String detectionType,
      @Parameter(description = "At or after this time (ISO-8601, or a date: from its start)")
          @RequestParam(required = false)
          String start,
      @Parameter(description = "At or before this time (ISO-8601, or a date: to its end)")
          @RequestParam(required = false)
          String end,
      @Parameter(description = "Text the description contains (case-insensitive, plain text)")
          @RequestParam(required = false)
          String q) {
    return events.page(filter(cameraId, detectionType, start, end, q), page, limit);
  }

  @GetMapping("/stats")
  @Operation(
      summary = "Event counts in a time range: per camera, per detection type, per hour or day",
      description =
          "Without start, the 7 days before end (default now). Takes the list's filters too.")
  CameraEventStats stats(
      @Parameter(description = "From this time (ISO-8601, or a date); default end minus 7 days")
          @RequestParam(required = false)
          String start,
      @Parameter(description = "Up to this time (ISO-8601, or a date); default now")
          @RequestParam(required = false)
          String end,
      @Parameter(description = "hour or day (UTC); default day") @RequestParam(required = false)
          String bucket,
      @RequestParam(name = "camera_id", required = false) UUID cameraId,
      @RequestParam(name = "detection_type", required = false) String detectionType,
      @RequestParam(required = false) String q) {
    String size =
        bucket == null || bucket.isBlank() ? "day" : bucket.strip().toLowerCase(Locale.ROOT);
    if (!size.equals("hour") && !size.equals("day")) {
      throw unprocessable("bucket must be hour or day, got '" + bucket + "'");
    }
    CameraEventFilter given = filter(cameraId, detectionType, start, end, q);
    Instant until = given.end() != null ? given.end() : clock.instant();
    Instant from = given.start() != null ? given.start() : until.minus(DEFAULT_STATS_RANGE);
    if (from.isAfter(until)) {
      throw unprocessable("start must not be after end");
    }
    return events.stats(
        new CameraEventFilter(given.cameraId(), given.detectionType(), from, until, given.text()),
        size);
  }

  @GetMapping("/export")
  @Operation(
      summary = "The events matching the list's filters as CSV, oldest first, without pictures",
      description =
          "Streamed as it is read from the database, so any number of events can be exported;"
              + " RFC 4180 with a header line; objects are their labels joined by ';'.")
  @ApiResponse(
      responseCode = "200",
      description = "The events",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  void export(
      @RequestParam(name = "camera_id", required = false) UUID cameraId,
      @RequestParam(name = "detection_type", required = false) String detectionType,
      @Parameter(description = "At or after this time (ISO-8601, or a date)")
          @RequestParam(required = false)
          String start,
      @Parameter(description = "At or before this time (ISO-8601, or a date)")
          @RequestParam(required = false)
          String end,
      @RequestParam(required = false) String q,
      HttpServletResponse response)
      throws IOException {
    CameraEventFilter filter = filter(cameraId, detectionType, start, end, q);
    try {
      export.writeCsv(filter, response);
    } catch (UncheckedIOException e) {
      // The client went away mid-stream; nothing can be answered any more.
      throw e.getCause();
    }
  }

  @GetMapping("/{id}")
  @Operation(
      summary =
          "One event: frames and thumbnail (base64 JPEG), description, tokens, cost, timings"
              + " and the description history")
  CameraEventDetail get(@PathVariable UUID id) {
    return events.find(id).orElseThrow(() -> notFound(id));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete an event with its frames and description history")
  void delete(@PathVariable UUID id) {
    transactions.executeWithoutResult(
        tx -> {
          if (!events.delete(id)) {
            throw notFound(id);
          }
        });
  }

  private static CameraEventFilter filter(
      UUID cameraId, String detectionType, String start, String end, String q) {
    String type =
        detectionType == null || detectionType.isBlank()
            ? null
            : detectionType.strip().toLowerCase(Locale.ROOT);
    if (type != null && !DETECTION_TYPES.contains(type)) {
      throw unprocessable(
          "detection_type must be one of "
              + String.join(", ", DETECTION_TYPES)
              + ", got '"
              + detectionType
              + "'");
    }
    String text = q == null || q.isBlank() ? null : q.strip();
    if (text != null && text.length() > MAX_TEXT) {
      throw unprocessable("q must be at most " + MAX_TEXT + " characters");
    }
    Instant from = Timestamps.from("start", start);
    Instant until = Timestamps.until("end", end);
    if (from != null && until != null && from.isAfter(until)) {
      throw unprocessable("start must not be after end");
    }
    return new CameraEventFilter(cameraId, type, from, until, text);
  }

  private static ResponseStatusException notFound(UUID id) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "Event " + id + " not found");
  }

  private static ResponseStatusException unprocessable(String detail) {
    return new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, detail);
  }
}
