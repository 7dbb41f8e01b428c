package dev.argus.collector.commands;

import dev.argus.contract.llm.LlmJob;

/** Runs one LLM job to its end, its results delivered (see {@code llm.LlmJobRunner}). */
@FunctionalInterface
public interface LlmJobs {

  /**
   * @throws InterruptedException when the collector stops meanwhile; the job is then left to
   *     another collector
   */
  void run(LlmJob job) throws InterruptedException;
}
