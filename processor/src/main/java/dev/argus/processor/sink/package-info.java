/** The sink: Kafka consumers that write telemetry to PostgreSQL in one transaction per batch. */
package dev.argus.processor.sink;
