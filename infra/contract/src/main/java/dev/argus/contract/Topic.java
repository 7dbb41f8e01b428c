package dev.argus.contract;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic together with the serdes of its keys and values and how it is created.
 *
 * <p>Declared once in {@link Topics}; producers, consumers and topologies take their serdes from
 * here so that the wire format of a topic cannot drift between services.
 */
public record Topic<K, V>(
    String name,
    Serde<K> keySerde,
    Serde<V> valueSerde,
    int partitions,
    Map<String, String> configs) {

  public Topic {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("topic name must not be blank");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("topic " + name + " needs at least one partition");
    }
    configs = Map.copyOf(configs);
  }
}
