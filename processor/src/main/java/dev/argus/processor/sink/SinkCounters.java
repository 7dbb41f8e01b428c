package dev.argus.processor.sink;

import java.util.concurrent.atomic.AtomicLong;

/** What the sink has done since start-up; logged periodically and read by tests. */
public final class SinkCounters {

  private final AtomicLong snapshotRows = new AtomicLong();
  private final AtomicLong eventRows = new AtomicLong();
  private final AtomicLong deviceRows = new AtomicLong();
  private final AtomicLong collectorStatusRows = new AtomicLong();
  private final AtomicLong energyTotalRows = new AtomicLong();
  private final AtomicLong energyDayRows = new AtomicLong();
  private final AtomicLong outletRows = new AtomicLong();
  private final AtomicLong probeResultRows = new AtomicLong();
  private final AtomicLong targetStatusRows = new AtomicLong();
  private final AtomicLong targetEventRows = new AtomicLong();
  private final AtomicLong llmRows = new AtomicLong();
  private final AtomicLong cameraRows = new AtomicLong();
  private final AtomicLong malformedRecords = new AtomicLong();
  private final AtomicLong retriedBatches = new AtomicLong();
  private final AtomicLong committedBatches = new AtomicLong();
  private final AtomicLong schemaRetries = new AtomicLong();
  private final AtomicLong diskFullRetries = new AtomicLong();

  void batchStored(WriteCounts written, int malformed) {
    snapshotRows.addAndGet(written.snapshots());
    eventRows.addAndGet(written.events());
    deviceRows.addAndGet(written.devices());
    collectorStatusRows.addAndGet(written.collectorStatuses());
    energyTotalRows.addAndGet(written.energyTotals());
    energyDayRows.addAndGet(written.energyDays());
    outletRows.addAndGet(written.outletReadings());
    probeResultRows.addAndGet(written.probeResults());
    targetStatusRows.addAndGet(written.targetStatuses());
    targetEventRows.addAndGet(written.targetEvents());
    llmRows.addAndGet(written.llmRows());
    cameraRows.addAndGet(written.cameraRows());
    malformedRecords.addAndGet(malformed);
    committedBatches.incrementAndGet();
  }

  void batchRetried() {
    retriedBatches.incrementAndGet();
  }

  void diskFullRetried() {
    diskFullRetries.incrementAndGet();
  }

  void schemaRetried() {
    schemaRetries.incrementAndGet();
  }

  /** Snapshot rows sent in committed transactions (replayed rows included). */
  public long snapshotRows() {
    return snapshotRows.get();
  }

  public long eventRows() {
    return eventRows.get();
  }

  /** Energy total rows sent in committed transactions (replayed rows included). */
  public long energyTotalRows() {
    return energyTotalRows.get();
  }

  /** Probe result rows sent in committed transactions (replayed rows included). */
  public long probeResultRows() {
    return probeResultRows.get();
  }

  public long targetEventRows() {
    return targetEventRows.get();
  }

  /** Rows of the LLM tables sent in committed transactions (replayed rows included). */
  public long llmRows() {
    return llmRows.get();
  }

  /** Rows of the camera tables sent in committed transactions (replayed rows included). */
  public long cameraRows() {
    return cameraRows.get();
  }

  public long malformedRecords() {
    return malformedRecords.get();
  }

  /** Times a batch could not be written (or its dead letters sent) and was retried. */
  public long retriedBatches() {
    return retriedBatches.get();
  }

  /** Of {@link #retriedBatches()}, the retries because PostgreSQL was out of disk space. */
  public long diskFullRetries() {
    return diskFullRetries.get();
  }

  /** Failed attempts to migrate the schema at start-up, while the database was unreachable. */
  public long schemaRetries() {
    return schemaRetries.get();
  }

  @Override
  public String toString() {
    return "snapshots="
        + snapshotRows
        + " events="
        + eventRows
        + " devices="
        + deviceRows
        + " collector_status="
        + collectorStatusRows
        + " energy_totals="
        + energyTotalRows
        + " energy_daily="
        + energyDayRows
        + " pdu_outlets="
        + outletRows
        + " probe_results="
        + probeResultRows
        + " target_status="
        + targetStatusRows
        + " target_events="
        + targetEventRows
        + " llm="
        + llmRows
        + " camera="
        + cameraRows
        + " malformed="
        + malformedRecords
        + " retries="
        + retriedBatches
        + " disk_full="
        + diskFullRetries
        + " batches="
        + committedBatches
        + " schema_retries="
        + schemaRetries;
  }
}
