package dev.argus.api.llm.benchmarks;

import dev.argus.contract.settings.Durations;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the benchmark WebSocket, bound from {@code argus.api.benchmark-stream.*}.
 *
 * @param pingInterval {@code ARGUS_API_BENCHMARK_STREAM_PING_INTERVAL}: after this long without a
 *     message the server sends {@code {"type": "ping"}}, so proxies keep the connection open and a
 *     client can tell a quiet run from a dead connection
 * @param recentEvents {@code ARGUS_API_BENCHMARK_STREAM_RECENT}: how long each replica keeps a
 *     run's events in memory, so a client that connects while the processor has not stored the
 *     newest results yet still receives them
 */
@ConfigurationProperties("argus.api.benchmark-stream")
record BenchmarkStreamProperties(Duration pingInterval, Duration recentEvents) {

  BenchmarkStreamProperties {
    Durations.requirePositive(
        pingInterval,
        "argus.api.benchmark-stream.ping-interval (ARGUS_API_BENCHMARK_STREAM_PING_INTERVAL)",
        "30s");
    Durations.requirePositive(
        recentEvents,
        "argus.api.benchmark-stream.recent-events (ARGUS_API_BENCHMARK_STREAM_RECENT)",
        "5m");
  }
}
