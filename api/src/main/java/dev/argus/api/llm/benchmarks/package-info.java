/**
 * LLM benchmarks ({@code /api/v1/benchmarks}): a run is requested here (a {@code
 * llm_benchmark_runs} row and an {@code LlmJob} for the collectors, in one transaction); its
 * results, progress and statistics are what the processor derived from the collector's {@code
 * argus.llm.benchmark} events, read back from PostgreSQL; the run's live stream is a WebSocket fed
 * from that topic by every api replica.
 */
package dev.argus.api.llm.benchmarks;
