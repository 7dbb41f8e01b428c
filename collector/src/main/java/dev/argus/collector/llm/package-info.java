/**
 * LLM endpoints: runs the jobs of {@code argus.llm.jobs} (monitoring runs and benchmarks) against
 * the providers and models of {@code argus.config}, measuring with {@code dev.argus.llm.client},
 * and hands every measurement to {@link dev.argus.collector.llm.LlmResults}. No Kafka client here:
 * the job reader ({@code commands}) and the publishers ({@code system} wiring) surround it, so the
 * runs are tested against simulated providers without a broker.
 */
package dev.argus.collector.llm;
