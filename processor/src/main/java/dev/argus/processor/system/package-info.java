/**
 * What the whole service shares: Kafka and database connections, topic creation, dead-letter
 * headers and the migrate command.
 */
package dev.argus.processor.system;
