package dev.argus.processor.llm;

import dev.argus.contract.Topics;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.llm.BenchmarkEvent;
import dev.argus.contract.llm.BenchmarkStatistics;
import dev.argus.contract.llm.LlmAlertRuleConfig;
import dev.argus.contract.llm.LlmModelConfig;
import dev.argus.contract.llm.LlmModelStatus;
import dev.argus.contract.llm.LlmProbeReading;
import dev.argus.contract.llm.LlmProviderConfig;
import dev.argus.processor.streams.StreamsProperties;
import dev.argus.processor.streams.StreamsRuntimeConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.springframework.util.FileSystemUtils;

/**
 * A {@link TopologyTestDriver} over a production topology (the {@link LlmTopology} alone or the
 * whole {@code ProcessorTopology}) with the production Streams configuration, and the topics the
 * LLM tests feed and read.
 */
final class LlmDriver implements AutoCloseable {

  static final Instant T0 = Instant.parse("2026-05-27T10:00:00Z");

  private final Path stateDir =
      Path.of("target", "streams-state", UUID.randomUUID().toString()).toAbsolutePath();
  final TopologyTestDriver driver;
  final TestInputTopic<String, LlmProbeReading> readings;
  final TestInputTopic<String, BenchmarkEvent> benchmark;
  final TestInputTopic<String, ConfigEntry> config;
  final TestOutputTopic<String, LlmModelStatus> statuses;
  final TestOutputTopic<String, DerivedEvent> events;
  final TestOutputTopic<String, BenchmarkStatistics> statistics;

  LlmDriver(Topology topology) {
    var streams =
        new StreamsProperties("argus-processor-test", stateDir.toString(), Duration.ofMillis(200));
    driver =
        new TopologyTestDriver(
            topology,
            StreamsRuntimeConfig.properties("localhost:9", (short) 1, streams, new AtomicLong()),
            T0);
    readings =
        driver.createInputTopic(
            Topics.READINGS_LLM.name(),
            Topics.READINGS_LLM.keySerde().serializer(),
            Topics.READINGS_LLM.valueSerde().serializer());
    benchmark =
        driver.createInputTopic(
            Topics.LLM_BENCHMARK.name(),
            Topics.LLM_BENCHMARK.keySerde().serializer(),
            Topics.LLM_BENCHMARK.valueSerde().serializer());
    config =
        driver.createInputTopic(
            Topics.CONFIG.name(),
            Topics.CONFIG.keySerde().serializer(),
            Topics.CONFIG.valueSerde().serializer());
    statuses =
        driver.createOutputTopic(
            Topics.LLM_STATUS.name(),
            Topics.LLM_STATUS.keySerde().deserializer(),
            Topics.LLM_STATUS.valueSerde().deserializer());
    events =
        driver.createOutputTopic(
            Topics.EVENTS.name(),
            Topics.EVENTS.keySerde().deserializer(),
            Topics.EVENTS.valueSerde().deserializer());
    statistics =
        driver.createOutputTopic(
            Topics.LLM_BENCHMARK_STATS.name(),
            Topics.LLM_BENCHMARK_STATS.keySerde().deserializer(),
            Topics.LLM_BENCHMARK_STATS.valueSerde().deserializer());
  }

  static LlmDriver alone() {
    return new LlmDriver(new LlmTopology(LlmSettings.defaults()).build());
  }

  void send(LlmProbeReading reading) {
    readings.pipeInput(reading.modelId(), reading, reading.timestamp());
  }

  void send(BenchmarkEvent event) {
    benchmark.pipeInput(event.runId(), event, event.timestamp());
  }

  void rule(LlmAlertRuleConfig rule) {
    config.pipeInput(ConfigKeys.llmRule(rule.id()), ConfigEntry.of(rule), T0);
  }

  void deleteRule(String ruleId) {
    config.pipeInput(ConfigKeys.llmRule(ruleId), null, T0);
  }

  void model(LlmModelConfig model) {
    config.pipeInput(ConfigKeys.llmModel(model.id()), ConfigEntry.of(model), T0);
  }

  void provider(LlmProviderConfig provider) {
    config.pipeInput(ConfigKeys.llmProvider(provider.id()), ConfigEntry.of(provider), T0);
  }

  static LlmModelConfig monitoredModel(String id, String providerId, String modelId) {
    return new LlmModelConfig(id, providerId, modelId, null, true, true, null, null, null);
  }

  static LlmProviderConfig provider(String id, boolean enabled) {
    return new LlmProviderConfig(
        id, "openai", "Provider " + id, enabled, null, null, Map.of(), Map.of());
  }

  static Instant minute(int minutesAfterT0) {
    return T0.plus(Duration.ofMinutes(minutesAfterT0));
  }

  @Override
  public void close() throws IOException {
    driver.close();
    FileSystemUtils.deleteRecursively(stateDir);
  }
}
