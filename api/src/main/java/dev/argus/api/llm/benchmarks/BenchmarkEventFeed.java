package dev.argus.api.llm.benchmarks;

import dev.argus.api.system.KafkaClients;
import dev.argus.api.system.KafkaConsumerLoop;
import dev.argus.contract.Topics;
import dev.argus.contract.llm.BenchmarkEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every benchmark event of {@code argus.llm.benchmark} (key run UUID), as it happens, for the
 * WebSockets of this replica. Each api replica reads every partition itself (assigned, no consumer
 * group, from the end, committed records only), so whichever replica a client reaches serves it.
 * Events of the last {@link BenchmarkStreamProperties#recentEvents()} are kept per run, for a
 * client that connects before the processor has stored them.
 *
 * <p>Listeners are called on the feed's thread, under the feed's lock, so that a subscriber gets
 * each event exactly once: either in the recent events {@link #subscribe} returns, or live. They
 * must not block (the WebSocket sessions buffer their sends).
 */
@Component
class BenchmarkEventFeed extends KafkaConsumerLoop {

  private static final String GROUP_ID = "argus-api-benchmark-stream";
  private static final Duration POLL = Duration.ofMillis(500);
  private static final int MAX_RECENT_PER_RUN = 2_000;
  private static final Logger log = LoggerFactory.getLogger(BenchmarkEventFeed.class);

  private final KafkaClients kafka;
  private final Clock clock;
  private final Duration keepRecent;
  private final Deserializer<BenchmarkEvent> events =
      Topics.LLM_BENCHMARK.valueSerde().deserializer();
  private final Map<String, Set<Consumer<BenchmarkEvent>>> listeners = new HashMap<>();
  private final Map<String, Deque<Received>> recent = new HashMap<>();
  private volatile boolean live;

  private record Received(Instant at, BenchmarkEvent event) {}

  BenchmarkEventFeed(KafkaClients kafka, Clock clock, BenchmarkStreamProperties properties) {
    super("argus-benchmark-feed", SmartLifecycle.DEFAULT_PHASE, "Benchmark feed");
    this.kafka = kafka;
    this.clock = clock;
    this.keepRecent = properties.recentEvents();
  }

  /**
   * Registers {@code listener} for the run's events from now on and returns the run's recent events
   * received before, oldest first.
   */
  synchronized List<BenchmarkEvent> subscribe(String runId, Consumer<BenchmarkEvent> listener) {
    listeners.computeIfAbsent(runId, id -> new LinkedHashSet<>()).add(listener);
    return recent(runId);
  }

  /** The run's events received within the last {@code recent-events}, oldest first. */
  synchronized List<BenchmarkEvent> recent(String runId) {
    Deque<Received> kept = recent.get(runId);
    return kept == null ? List.of() : kept.stream().map(Received::event).toList();
  }

  synchronized void unsubscribe(String runId, Consumer<BenchmarkEvent> listener) {
    Set<Consumer<BenchmarkEvent>> ofRun = listeners.get(runId);
    if (ofRun != null) {
      ofRun.remove(listener);
      if (ofRun.isEmpty()) {
        listeners.remove(runId);
      }
    }
  }

  /** Whether the feed reads the topic now: events published from here on reach the listeners. */
  boolean isLive() {
    return live;
  }

  synchronized void dispatch(BenchmarkEvent event) {
    Instant now = clock.instant();
    forgetOlderThan(now.minus(keepRecent));
    Deque<Received> kept = recent.computeIfAbsent(event.runId(), id -> new ArrayDeque<>());
    kept.addLast(new Received(now, event));
    if (kept.size() > MAX_RECENT_PER_RUN) {
      kept.removeFirst();
    }
    Set<Consumer<BenchmarkEvent>> ofRun = listeners.get(event.runId());
    if (ofRun != null) {
      for (Consumer<BenchmarkEvent> listener : new ArrayList<>(ofRun)) {
        try {
          listener.accept(event);
        } catch (RuntimeException e) {
          log.warn("A benchmark stream listener failed: {}", e.toString());
        }
      }
    }
  }

  private void forgetOlderThan(Instant cutoff) {
    recent
        .values()
        .removeIf(
            kept -> {
              while (!kept.isEmpty() && kept.peekFirst().at().isBefore(cutoff)) {
                kept.removeFirst();
              }
              return kept.isEmpty();
            });
  }

  @Override
  protected KafkaConsumer<String, byte[]> newConsumer() {
    return kafka.consumer(
        GROUP_ID,
        "benchmark-stream",
        Map.of(
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "latest"));
  }

  @Override
  protected void consume(KafkaConsumer<String, byte[]> kafka) {
    Optional<List<TopicPartition>> partitions =
        partitionsOf(kafka, List.of(Topics.LLM_BENCHMARK.name()));
    if (partitions.isEmpty()) {
      return;
    }
    readFromEnd(kafka, partitions.get());
    live = true;
    log.info("Benchmark feed reads {} from its end", Topics.LLM_BENCHMARK.name());
    while (running()) {
      for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
        handle(record);
      }
    }
  }

  @Override
  protected void afterConsumer() {
    live = false;
  }

  private void handle(ConsumerRecord<String, byte[]> record) {
    BenchmarkEvent event;
    try {
      event = events.deserialize(record.topic(), record.value());
    } catch (SerializationException | IllegalArgumentException e) {
      log.warn(
          "Skipping unreadable benchmark event {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
      return;
    }
    if (event != null) {
      dispatch(event);
    }
  }
}
