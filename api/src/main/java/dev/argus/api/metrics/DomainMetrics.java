package dev.argus.api.metrics;

import dev.argus.api.metrics.DomainReadings.CameraSample;
import dev.argus.api.metrics.DomainReadings.ModelSample;
import dev.argus.api.metrics.DomainReadings.TargetSample;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The domains on {@code /metrics}, as Micrometer meters: {@code argus_target_up}, {@code
 * argus_target_response_time_seconds}, {@code argus_model_up}, {@code argus_model_ttft_seconds},
 * {@code argus_camera_up}, {@code argus_ai_cost_usd_total} and {@code
 * argus_outbox_pending_records}.
 *
 * <p>Read from PostgreSQL at most once per {@link #MAX_AGE}, whatever the number of scrapers or api
 * replicas' scrapes: a scrape between two reads sees the last values. A model counts as up while it
 * answers (status {@code up} or {@code degraded}); a camera while it is {@code online}.
 */
@Component
class DomainMetrics {

  static final Duration MAX_AGE = Duration.ofSeconds(5);

  private final DomainReadings readings;
  private final MeterRegistry registry;
  private final MultiGauge targetUp;
  private final MultiGauge targetResponse;
  private final MultiGauge modelUp;
  private final MultiGauge modelTtft;
  private final MultiGauge cameraUp;
  private final Map<String, Double> aiCost = new ConcurrentHashMap<>();
  private final AtomicLong outboxPending = new AtomicLong();
  private long readAt;
  private boolean read;

  DomainMetrics(DomainReadings readings, MeterRegistry registry) {
    this.readings = readings;
    this.registry = registry;
    targetUp =
        gauge("argus.target.up", "1 when the target's newest probe found it up, else 0", null);
    targetResponse =
        gauge(
            "argus.target.response.time",
            "The target's response time in its newest probe",
            "seconds");
    modelUp =
        gauge(
            "argus.model.up",
            "1 when the model answers its probes (up or degraded), 0 when it is down",
            null);
    modelTtft =
        gauge("argus.model.ttft", "Time to first token of the model's newest probe", "seconds");
    cameraUp = gauge("argus.camera.up", "1 when frames arrive from the camera, else 0", null);
    Gauge.builder("argus.outbox.pending", outboxPending, AtomicLong::get)
        .description("Configuration and job records waiting in the outbox to be published")
        .baseUnit("records")
        .register(registry);
  }

  private MultiGauge gauge(String name, String description, String unit) {
    return MultiGauge.builder(name).description(description).baseUnit(unit).register(registry);
  }

  /** Reads the domains again if the last reading is older than {@link #MAX_AGE}. */
  synchronized void refresh() {
    long now = System.nanoTime();
    if (read && now - readAt < MAX_AGE.toNanos()) {
      return;
    }
    List<TargetSample> targets = readings.targets();
    List<ModelSample> models = readings.models();
    List<CameraSample> cameras = readings.cameras();
    Map<String, Double> costs = readings.aiCostUsd();
    long pending = readings.outboxPending();

    targetUp.register(rows(targets, t -> targetTags(t), t -> t.up() ? 1.0 : 0.0), true);
    targetResponse.register(
        rows(
            targets.stream().filter(t -> t.responseSeconds() != null).toList(),
            DomainMetrics::targetTags,
            TargetSample::responseSeconds),
        true);
    modelUp.register(
        rows(models, DomainMetrics::modelTags, m -> m.status().equals("down") ? 0.0 : 1.0), true);
    modelTtft.register(
        rows(
            models.stream().filter(m -> m.ttftSeconds() != null).toList(),
            DomainMetrics::modelTags,
            ModelSample::ttftSeconds),
        true);
    cameraUp.register(
        rows(
            cameras,
            c -> Tags.of("camera", c.name(), "camera_id", c.id()),
            c -> c.state().equals("online") ? 1.0 : 0.0),
        true);
    costs.forEach(
        (provider, usd) -> {
          if (aiCost.put(provider, usd) == null) {
            FunctionCounter.builder("argus.ai.cost", aiCost, all -> all.getOrDefault(provider, 0.0))
                .description("What the AI calls of the provider have cost, from the usage ledger")
                .baseUnit("usd")
                .tag("provider", provider)
                .register(registry);
          }
        });
    outboxPending.set(pending);
    readAt = now;
    read = true;
  }

  private static Tags targetTags(TargetSample target) {
    return Tags.of("target", target.name(), "target_id", Long.toString(target.id()));
  }

  private static Tags modelTags(ModelSample model) {
    return Tags.of("provider", model.provider(), "model", model.model(), "model_id", model.id());
  }

  private static <T> List<Row<?>> rows(
      List<T> samples,
      java.util.function.Function<T, Tags> tags,
      java.util.function.ToDoubleFunction<T> value) {
    List<Row<?>> rows = new ArrayList<>();
    for (T sample : samples) {
      rows.add(Row.of(tags.apply(sample), value.applyAsDouble(sample)));
    }
    return rows;
  }
}
