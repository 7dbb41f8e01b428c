/**
 * The transactional outbox to {@code argus.config} (and {@code argus.llm.jobs}): changes queued in
 * the writer's transaction, relayed to Kafka in order by one replica at a time.
 */
package dev.argus.api.system.outbox;
