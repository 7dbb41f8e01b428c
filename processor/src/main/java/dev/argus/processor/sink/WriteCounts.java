package dev.argus.processor.sink;

/**
 * Rows sent in one committed transaction, per table. Rows a replay sends again count too: the
 * database skips them, but pgjdbc's rewritten batches do not say which.
 */
record WriteCounts(
    int snapshots,
    int events,
    int devices,
    int collectorStatuses,
    int energyTotals,
    int energyDays,
    int outletReadings,
    int probeResults,
    int targetStatuses,
    int targetEvents,
    int llmRows,
    int cameraRows) {}
