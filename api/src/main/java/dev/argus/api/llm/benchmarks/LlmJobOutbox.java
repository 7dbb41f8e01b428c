package dev.argus.api.llm.benchmarks;

import dev.argus.contract.Topics;
import dev.argus.contract.llm.LlmJob;
import java.nio.charset.StandardCharsets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Queues an {@link LlmJob} for {@code argus.llm.jobs} in the caller's transaction: a row of the
 * config outbox that names its topic, which the outbox relay publishes (key: job id) and deletes
 * once the broker has it. So a benchmark request and its job commit together or not at all.
 */
@Component
class LlmJobOutbox {

  private final JdbcClient sql;

  LlmJobOutbox(JdbcClient sql) {
    this.sql = sql;
  }

  void append(LlmJob job) {
    String json =
        new String(
            Topics.LLM_JOBS.valueSerde().serializer().serialize(Topics.LLM_JOBS.name(), job),
            StandardCharsets.UTF_8);
    sql.sql("INSERT INTO config_outbox (topic, record_key, record_value) VALUES (?, ?, ?::jsonb)")
        .params(Topics.LLM_JOBS.name(), job.jobId(), json)
        .update();
  }
}
