package dev.argus.processor.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one sink lane shows on {@code /metrics}, tagged with the lane ({@code lane="sink-readings"},
 * {@code sink-events}, {@code sink-camera}): {@code argus_sink_batch_records} (records in each
 * stored batch), {@code argus_sink_batch_seconds} (the time to write one and send its dead letters)
 * and {@code argus_sink_retries_total} (batches written again, by reason: {@code database}, {@code
 * disk_full}, {@code dead_letters}).
 */
final class SinkMeters {

  private static final List<String> RETRY_REASONS =
      List.of("database", "disk_full", "dead_letters");

  private final Map<String, Counter> retries = new HashMap<>();
  private final DistributionSummary batchRecords;
  private final Timer batchTime;

  SinkMeters(MeterRegistry registry, String lane) {
    this.batchRecords =
        DistributionSummary.builder("argus.sink.batch.records")
            .description("Records in a batch the sink stored (malformed ones included)")
            .baseUnit("records")
            .tag("lane", lane)
            .register(registry);
    this.batchTime =
        Timer.builder("argus.sink.batch")
            .description("Time to store a batch in PostgreSQL and send its dead letters")
            .tag("lane", lane)
            .register(registry);
    // Registered up front, so a lane that never retried shows 0 rather than no series.
    for (String reason : RETRY_REASONS) {
      retries.put(
          reason,
          Counter.builder("argus.sink.retries")
              .description("Batches the sink could not store and wrote again after a backoff")
              .tag("lane", lane)
              .tag("reason", reason)
              .register(registry));
    }
  }

  void batchStored(int records, Duration took) {
    batchRecords.record(records);
    batchTime.record(took);
  }

  /**
   * One more retry; {@code reason} is one of {@code database}, {@code disk_full}, {@code
   * dead_letters}.
   */
  void retried(String reason) {
    retries.get(reason).increment();
  }
}
