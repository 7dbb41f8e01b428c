/**
 * {@code GET /metrics}: the newest power readings of every device, the status of every target,
 * model and camera, the AI cost, and the api's own health, in the Prometheus text format.
 */
package dev.argus.api.metrics;
