package dev.argus.processor.sink;

import dev.argus.contract.Topics;
import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.llm.BenchmarkEvent;
import dev.argus.contract.llm.BenchmarkStatistics;
import dev.argus.contract.llm.LlmEventType;
import dev.argus.contract.llm.LlmModelStatus;
import dev.argus.contract.llm.LlmProbeReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes the LLM topics for {@link SinkBatchDecoder}, with every check the database would
 * otherwise fail on deterministically (ids that must be UUIDs, required fields, storable times): a
 * record failing one is malformed and dead-lettered instead of blocking the sink.
 */
final class LlmRecordDecoder {

  private static final Instant EARLIEST_STORABLE = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST_STORABLE = Instant.parse("9999-12-31T23:59:59Z");

  private final Deserializer<LlmProbeReading> probes =
      Topics.READINGS_LLM.valueSerde().deserializer();
  private final Deserializer<LlmModelStatus> statuses =
      Topics.LLM_STATUS.valueSerde().deserializer();
  private final Deserializer<BenchmarkEvent> benchmarkEvents =
      Topics.LLM_BENCHMARK.valueSerde().deserializer();
  private final Deserializer<BenchmarkStatistics> statistics =
      Topics.LLM_BENCHMARK_STATS.valueSerde().deserializer();

  private final List<LlmProbeReading> decodedProbes = new ArrayList<>();
  private final List<LlmModelStatus> decodedStatuses = new ArrayList<>();
  private final List<BenchmarkEvent> decodedBenchmarkEvents = new ArrayList<>();
  private final List<BenchmarkStatistics> decodedStatistics = new ArrayList<>();
  private final List<DerivedEvent> decodedAlertEvents = new ArrayList<>();

  /** Whether the record's topic is one of the LLM topics this decoder reads. */
  static boolean reads(String topic) {
    return topic.equals(Topics.READINGS_LLM.name())
        || topic.equals(Topics.LLM_STATUS.name())
        || topic.equals(Topics.LLM_BENCHMARK.name())
        || topic.equals(Topics.LLM_BENCHMARK_STATS.name());
  }

  /**
   * Decodes one record of an LLM topic into its list.
   *
   * @throws RuntimeException when it cannot be read or stored
   */
  void add(ConsumerRecord<byte[], byte[]> record) {
    String topic = record.topic();
    byte[] value = record.value();
    if (topic.equals(Topics.READINGS_LLM.name())) {
      decodedProbes.add(probe(probes.deserialize(topic, record.headers(), value)));
    } else if (topic.equals(Topics.LLM_STATUS.name())) {
      decodedStatuses.add(status(statuses.deserialize(topic, record.headers(), value)));
    } else if (topic.equals(Topics.LLM_BENCHMARK.name())) {
      decodedBenchmarkEvents.add(
          benchmark(benchmarkEvents.deserialize(topic, record.headers(), value)));
    } else if (topic.equals(Topics.LLM_BENCHMARK_STATS.name())) {
      decodedStatistics.add(statistics(statistics.deserialize(topic, record.headers(), value)));
    }
  }

  /** An event of source {@code llm} from {@code argus.events}, decoded by the caller. */
  void addAlertEvent(DerivedEvent event) {
    LlmEventType type = LlmEventType.fromWireName(event.eventType());
    requireUuid("metadata.alert_id", event.metadata().get("alert_id"));
    requireUuid("metadata.rule_id", event.metadata().get("rule_id"));
    if (type != LlmEventType.RECOVERED) {
      requireText("metadata.rule_type", event.metadata().get("rule_type"));
      requireText("metadata.message", event.metadata().get("message"));
      Object modelId = event.metadata().get("model_id");
      if (modelId != null) {
        requireUuid("metadata.model_id", modelId);
      }
    }
    decodedAlertEvents.add(event);
  }

  LlmRecords records() {
    return new LlmRecords(
        decodedProbes,
        decodedStatuses,
        decodedBenchmarkEvents,
        decodedStatistics,
        decodedAlertEvents);
  }

  private static LlmProbeReading probe(LlmProbeReading probe) {
    requireUuid("model_id", probe.modelId());
    if (probe.providerId() != null) {
      requireUuid("provider_id", probe.providerId());
    }
    requireStorable("timestamp", probe.timestamp());
    return probe;
  }

  private static LlmModelStatus status(LlmModelStatus status) {
    requireUuid("model_id", status.modelId());
    if (status.providerId() != null) {
      requireUuid("provider_id", status.providerId());
    }
    if (status.status() == null || status.lastCheckedAt() == null) {
      throw new IllegalArgumentException("status and last_checked_at are required");
    }
    requireStorable("last_checked_at", status.lastCheckedAt());
    requireStorable("since", status.since());
    return status;
  }

  private static BenchmarkEvent benchmark(BenchmarkEvent event) {
    requireUuid("run_id", event.runId());
    requireStorable("timestamp", event.timestamp());
    if (event.result() != null) {
      requireUuid("result.model_id", event.result().modelId());
      requireStorable("result.timestamp", event.result().timestamp());
    }
    return event;
  }

  private static BenchmarkStatistics statistics(BenchmarkStatistics statistics) {
    requireUuid("run_id", statistics.runId());
    if (statistics.updatedAt() == null) {
      throw new IllegalArgumentException("updated_at is required");
    }
    requireStorable("updated_at", statistics.updatedAt());
    return statistics;
  }

  private static void requireUuid(String field, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    try {
      UUID.fromString(value.toString());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " is not a UUID: " + value, e);
    }
  }

  private static void requireText(String field, Object value) {
    if (!(value instanceof String text) || text.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
  }

  private static void requireStorable(String field, Instant value) {
    if (value != null && (value.isBefore(EARLIEST_STORABLE) || value.isAfter(LATEST_STORABLE))) {
      throw new IllegalArgumentException(field + " is out of range: " + value);
    }
  }
}
