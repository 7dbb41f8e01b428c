/**
 * {@code GET /metrics} of the collector on its own port ({@code ARGUS_METRICS_PORT}, default 9465):
 * the Micrometer registry Boot sets up, served by the contract's {@code MetricsServer}, with the
 * polls per kind and outcome; the publishers count what they send and bind their producers'
 * metrics.
 */
package dev.argus.collector.metrics;
