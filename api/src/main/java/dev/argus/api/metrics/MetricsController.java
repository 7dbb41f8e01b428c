package dev.argus.api.metrics;

import dev.argus.api.system.ErrorBody;
import dev.argus.api.system.runtimeconfig.RuntimeSettings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /metrics}: the power telemetry, the other domains ({@link DomainMetrics}) and the
 * api's own health (HTTP latencies, consumer lag, outbox depth, JVM, from the Micrometer registry)
 * in the Prometheus text format 0.0.4, when {@code prometheus} is in the runtime config's {@code
 * enabled_exporters} (else 404, as the seed has it) or the deployment serves it always ({@link
 * MetricsProperties}). Public, like the other reads, so a Prometheus server can scrape it without a
 * key.
 */
@RestController
@Tag(name = "metrics")
class MetricsController {

  static final String DISABLED = "The prometheus exporter is not enabled (enabled_exporters).";

  private static final PrometheusTextFormatWriter WRITER =
      PrometheusTextFormatWriter.builder().setIncludeCreatedTimestamps(false).build();

  private final DeviceSamples samples;
  private final RuntimeSettings settings;
  private final DomainMetrics domains;
  private final PrometheusMeterRegistry registry;
  private final MetricsProperties properties;

  MetricsController(
      DeviceSamples samples,
      RuntimeSettings settings,
      DomainMetrics domains,
      PrometheusMeterRegistry registry,
      MetricsProperties properties) {
    this.samples = samples;
    this.settings = settings;
    this.domains = domains;
    this.registry = registry;
    this.properties = properties;
  }

  @GetMapping("/metrics")
  @Operation(
      summary = "Metrics for Prometheus (text format 0.0.4)",
      description =
          "Per-device power, targets, models, cameras, AI cost, and the api's own health (HTTP"
              + " latencies, consumer lag, outbox depth, JVM).")
  @ApiResponse(
      responseCode = "200",
      description = "The exposition",
      content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
  @ApiResponse(
      responseCode = "404",
      description = "The prometheus exporter is not enabled (enabled_exporters)",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  ResponseEntity<byte[]> metrics() throws IOException {
    if (!properties.enabled() && !settings.exporterEnabled("prometheus")) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, DISABLED);
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    domains.refresh();
    List<MetricSnapshot> metrics =
        new ArrayList<>(PowerMetrics.of(samples.all()).stream().toList());
    registry.getPrometheusRegistry().scrape().forEach(metrics::add);
    WRITER.write(body, new MetricSnapshots(metrics), EscapingScheme.UNDERSCORE_ESCAPING);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_TYPE, PrometheusTextFormatWriter.CONTENT_TYPE)
        .body(body.toByteArray());
  }
}
