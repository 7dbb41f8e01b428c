package dev.argus.collector.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this collector measures LLM endpoints ({@code argus.llm.*}), validated when bound.
 *
 * @param maxInFlight {@code ARGUS_LLM_MAX_IN_FLIGHT}: monitoring probes streaming at once on this
 *     collector, across providers (each provider also has its {@code concurrency_per_provider}); a
 *     probe waits for a slot before its clock starts. Fewer means figures that measure the provider
 *     rather than this machine's CPU queue, more means a shorter run: see the {@code llm} benchmark
 *     in docs/PERFORMANCE.md.
 */
@ConfigurationProperties("argus.llm")
public record LlmProbeSettings(Integer maxInFlight) {

  public static final int DEFAULT_MAX_IN_FLIGHT = 8;

  public LlmProbeSettings {
    maxInFlight = maxInFlight == null ? DEFAULT_MAX_IN_FLIGHT : maxInFlight;
    if (maxInFlight < 1 || maxInFlight > 10_000) {
      throw new IllegalArgumentException(
          "argus.llm.max-in-flight (ARGUS_LLM_MAX_IN_FLIGHT) must be between 1 and 10000, was "
              + maxInFlight);
    }
  }
}
