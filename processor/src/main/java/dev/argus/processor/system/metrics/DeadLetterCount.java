package dev.argus.processor.system.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * {@code argus_dead_letters_total{topic,consumer}}: records sent to {@code argus.deadletter}, by
 * the topic they came from and who gave up on them (the Streams application or a sink lane). The
 * Streams error handlers and the sink count into the same series.
 */
public final class DeadLetterCount {

  /** Where Kafka Streams' error handlers find it: they are made by reflection from the config. */
  public static final String CONFIG = "argus.dead.letters.count";

  private final MeterRegistry registry;

  public DeadLetterCount(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Counts into no registry: for code run without a service around it (topology tests). */
  public static DeadLetterCount unregistered() {
    return new DeadLetterCount(new CompositeMeterRegistry());
  }

  public void add(String sourceTopic, String consumer, int records) {
    if (records == 0) {
      return;
    }
    Counter.builder("argus.dead.letters")
        .description("Records sent to the dead-letter topic, by the topic they came from")
        .tag("topic", sourceTopic == null ? "unknown" : sourceTopic)
        .tag("consumer", consumer)
        .register(registry)
        .increment(records);
  }
}
