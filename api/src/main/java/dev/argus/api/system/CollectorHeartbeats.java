package dev.argus.api.system;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the collector heartbeats that the processor's sink keeps in {@code collector_status}. */
@Repository
class CollectorHeartbeats {

  private final JdbcClient jdbc;

  CollectorHeartbeats(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether any collector reported a running scheduler at or after {@code since}. */
  boolean anySchedulerRunningSince(Instant since) {
    return jdbc.sql(
            """
            SELECT EXISTS (
                SELECT 1 FROM collector_status
                WHERE scheduler_running AND last_heartbeat >= :since)
            """)
        .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
        .query(Boolean.class)
        .single();
  }
}
