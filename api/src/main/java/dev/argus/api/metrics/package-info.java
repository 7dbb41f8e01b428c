/**
 * {@code GET /metrics}: the newest power readings of every device in the Prometheus text format.
 */
package dev.argus.api.metrics;
