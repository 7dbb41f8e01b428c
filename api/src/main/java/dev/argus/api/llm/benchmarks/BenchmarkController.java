package dev.argus.api.llm.benchmarks;

import dev.argus.api.system.ErrorBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/v1/benchmarks}: start a benchmark run and read its progress, results and statistics.
 * Reads need {@code read:models}, starting a run {@code write:models} (see the security package's
 * AccessRules). The live stream of a run is a WebSocket ({@link BenchmarkStreamHandler}).
 */
@RestController
@RequestMapping("/api/v1/benchmarks")
@Tag(name = "benchmarks")
class BenchmarkController {

  private static final Set<String> STATUSES =
      Set.of(
          BenchmarkRun.PENDING, BenchmarkRun.RUNNING, BenchmarkRun.COMPLETED, BenchmarkRun.FAILED);
  private static final String LIMIT_RULE = "limit must be between 1 and 200";
  private static final String OFFSET_RULE = "offset must be at least 0";

  private final BenchmarkService benchmarks;
  private final BenchmarkRepository runs;
  private final BenchmarkExport export;

  BenchmarkController(
      BenchmarkService benchmarks, BenchmarkRepository runs, BenchmarkExport export) {
    this.benchmarks = benchmarks;
    this.runs = runs;
    this.export = export;
  }

  /** The answer to a started run. */
  @Schema(name = "BenchmarkStarted")
  record Started(String id, @Schema(allowableValues = "pending") String status, String message) {}

  /** A page of runs, newest first. */
  @Schema(name = "BenchmarkRuns")
  record Runs(List<BenchmarkRun> runs, long total) {}

  /** A run's results, oldest first. */
  @Schema(name = "BenchmarkResults")
  record Results(
      @com.fasterxml.jackson.annotation.JsonProperty("run_id") String runId,
      List<BenchmarkResult> items,
      long total) {}

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Start a benchmark run",
      description =
          "Queues the run for a collector: warm-up requests first, one at a time and not measured,"
              + " then num_runs measured requests per model. Follow it with GET"
              + " /api/v1/benchmarks/{id} or the WebSocket /api/v1/benchmarks/{id}/stream.")
  Started start(@Valid @RequestBody BenchmarkRequest request) {
    UUID id = benchmarks.start(request);
    return new Started(
        id.toString(),
        BenchmarkRun.PENDING,
        "Benchmark queued for "
            + request.modelIds().stream().distinct().count()
            + " model(s); follow it at /api/v1/benchmarks/"
            + id);
  }

  @GetMapping
  @Operation(summary = "Benchmark runs, newest first")
  Runs list(
      @Parameter(description = "pending, running, completed or failed")
          @RequestParam(required = false)
          String status,
      @RequestParam(defaultValue = "50")
          @Min(value = 1, message = LIMIT_RULE)
          @Max(value = 200, message = LIMIT_RULE)
          int limit,
      @RequestParam(defaultValue = "0") @Min(value = 0, message = OFFSET_RULE) int offset) {
    String filter = StringUtils.hasText(status) ? status : null;
    if (filter != null && !STATUSES.contains(filter)) {
      throw new ResponseStatusException(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "status must be one of pending, running, completed, failed, got '" + filter + "'");
    }
    return new Runs(runs.page(filter, limit, offset), runs.count(filter));
  }

  @GetMapping("/{id}")
  @Operation(summary = "A run with its results and statistics (null until the first result)")
  BenchmarkDetail get(@PathVariable UUID id) {
    return benchmarks.detail(id);
  }

  @GetMapping("/{id}/results")
  @Operation(summary = "A run's individual results, oldest first")
  Results results(@PathVariable UUID id) {
    List<BenchmarkResult> items = benchmarks.results(id);
    return new Results(id.toString(), items, items.size());
  }

  @GetMapping(
      value = "/{id}/export",
      produces = {"application/json", "text/csv"})
  @Operation(summary = "A run's results as a JSON array or CSV, streamed")
  @ApiResponse(
      responseCode = "200",
      description = "The results, oldest first",
      content = {
        @Content(
            mediaType = "application/json",
            array = @ArraySchema(schema = @Schema(implementation = BenchmarkResult.class))),
        @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
      })
  @ApiResponse(
      responseCode = "404",
      description = "No such run",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  void export(
      @PathVariable UUID id,
      @Parameter(description = "json (default) or csv")
          @RequestParam(defaultValue = BenchmarkExport.JSON)
          String format,
      HttpServletResponse response)
      throws IOException {
    if (!BenchmarkExport.JSON.equals(format) && !BenchmarkExport.CSV.equals(format)) {
      throw new ResponseStatusException(
          HttpStatus.UNPROCESSABLE_CONTENT, "format must be json or csv, got '" + format + "'");
    }
    benchmarks.requireExists(id);
    boolean csv = BenchmarkExport.CSV.equals(format);
    response.setContentType(csv ? "text/csv;charset=UTF-8" : "application/json");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        "attachment; filename=\"benchmark-" + id + (csv ? ".csv\"" : ".json\""));
    export.write(id, format, response.getOutputStream());
  }
}
