package dev.argus.llm.vision;

import java.util.Optional;

/**
 * Where the chain records each call and learns whether a cost cap pauses descriptions. The api
 * keeps it in PostgreSQL (shared by replicas); tests keep it in memory.
 */
public interface UsageLedger {

  /** Records a call as it ends (the caller adds its purpose and subject). */
  void record(CallRecord call);

  /**
   * Why descriptions are paused now (e.g. {@code daily cost cap of $1.00 reached; resumes at
   * 2026-12-04T00:00Z}), or empty when they may go on.
   */
  Optional<String> pausedReason();
}
