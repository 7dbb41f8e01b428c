/**
 * {@code /api/v1/monitoring}: the global probe settings, monitoring runs (manual, and scheduled by
 * {@link dev.argus.api.llm.monitoring.MonitoringScheduler}, one replica at a time) sent to the
 * collectors on {@code argus.llm.jobs}, and the probe history the processor's sink stores.
 */
package dev.argus.api.llm.monitoring;
