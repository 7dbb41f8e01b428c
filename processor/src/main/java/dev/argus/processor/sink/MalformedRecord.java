package dev.argus.processor.sink;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A consumed record the sink could not read or store, with the reason, bound for dead letters. */
record MalformedRecord(ConsumerRecord<byte[], byte[]> source, Exception error) {}
