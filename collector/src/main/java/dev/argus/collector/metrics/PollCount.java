package dev.argus.collector.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.List;

/**
 * {@code argus_polls_total{kind,outcome}}: polls the collector made, by kind ({@code power}: one
 * device's poll, {@code target}: one probe, {@code llm}: one LLM probe reading) and outcome ({@code
 * success}, {@code failure}: the device, target or model did not answer as it should).
 */
public final class PollCount {

  public static final List<String> KINDS = List.of("power", "target", "llm");

  private final MeterRegistry registry;

  public PollCount(MeterRegistry registry) {
    this.registry = registry;
    // Registered up front, so a kind that never failed shows 0 rather than no series.
    for (String kind : KINDS) {
      counter(kind, true);
      counter(kind, false);
    }
  }

  /** Counts into no registry: for code run without a service around it (unit tests). */
  public static PollCount unregistered() {
    return new PollCount(new CompositeMeterRegistry());
  }

  public void add(String kind, boolean succeeded) {
    counter(kind, succeeded).increment();
  }

  private Counter counter(String kind, boolean succeeded) {
    return Counter.builder("argus.polls")
        .description("Polls and probes the collector made, by kind and outcome")
        .tag("kind", kind)
        .tag("outcome", succeeded ? "success" : "failure")
        .register(registry);
  }
}
