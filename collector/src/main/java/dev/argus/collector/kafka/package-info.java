/**
 * The collector's Kafka clients: topic creation, the producers behind {@code TopicPublisher}, and
 * the consumer thread of the topic readers.
 */
package dev.argus.collector.kafka;
