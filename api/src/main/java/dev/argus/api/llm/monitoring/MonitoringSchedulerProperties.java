package dev.argus.api.llm.monitoring;

import dev.argus.contract.settings.Durations;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the monitoring scheduler, bound from {@code argus.api.llm-monitoring.*}.
 *
 * @param schedulerEnabled {@code ARGUS_API_LLM_SCHEDULER_ENABLED}: whether this replica takes part
 *     in scheduling monitoring runs (one replica at a time does)
 * @param checkInterval {@code ARGUS_API_LLM_SCHEDULER_CHECK_INTERVAL}: how often the scheduler
 *     looks whether a run is due; a run starts at most this late
 */
@ConfigurationProperties("argus.api.llm-monitoring")
record MonitoringSchedulerProperties(boolean schedulerEnabled, Duration checkInterval) {

  MonitoringSchedulerProperties {
    Durations.requirePositive(
        checkInterval,
        "argus.api.llm-monitoring.check-interval (ARGUS_API_LLM_SCHEDULER_CHECK_INTERVAL)");
  }
}
