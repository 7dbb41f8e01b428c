/**
 * {@code GET /metrics} of the processor on its own port ({@code ARGUS_METRICS_PORT}, default 9464):
 * the Micrometer registry Boot sets up, served by the contract's {@code MetricsServer}, with the
 * consumer lag of the Streams application and the sink's groups, and the dead-letter count the
 * Streams handlers and the sink share.
 */
package dev.argus.processor.system.metrics;
