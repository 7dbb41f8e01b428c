package dev.argus.api.llm.monitoring;

import dev.argus.api.system.outbox.ConfigOutbox;
import dev.argus.contract.Topics;
import dev.argus.contract.llm.LlmJob;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Queues a monitoring run: logs it in {@code llm_monitoring_runs}, makes it {@code last_run_at} and
 * appends its {@link LlmJob} for {@code argus.llm.jobs} to the outbox, all in the caller's
 * transaction, so the job goes out exactly when the run is recorded. The run id is the job id too:
 * a monitoring run is one job, and the probe results carry it.
 */
@Component
class MonitoringRuns {

  static final String MANUAL = "manual";
  static final String SCHEDULED = "scheduled";

  private final MonitoringConfigRepository config;
  private final ConfigOutbox outbox;

  MonitoringRuns(MonitoringConfigRepository config, ConfigOutbox outbox) {
    this.config = config;
    this.outbox = outbox;
  }

  /** Must run inside a transaction; returns the run id. */
  String enqueue(String trigger) {
    String runId = UUID.randomUUID().toString();
    config.recordRun(runId, trigger);
    outbox.append(Topics.LLM_JOBS, runId, LlmJob.monitoringRun(runId, runId, Instant.now()));
    return runId;
  }
}
