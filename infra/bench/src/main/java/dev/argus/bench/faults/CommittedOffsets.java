package dev.argus.bench.faults;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group has committed on a topic, against the topic's end: a sink that cannot
 * store must leave its offsets where they are, so that the records wait in Kafka.
 */
final class CommittedOffsets implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** Committed and end offsets of one topic, summed over its partitions. */
  record Position(long committed, long end) {

    long lag() {
      return end - committed;
    }

    @Override
    public String toString() {
      return String.format("committed %,d of %,d (lag %,d)", committed, end, lag());
    }
  }

  private final Admin admin;
  private final String group;

  CommittedOffsets(String bootstrap, String group) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    this.admin = Admin.create(props);
    this.group = group;
  }

  Position of(String topic) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    Map<TopicPartition, OffsetSpec> latest =
        admin
            .describeTopics(java.util.List.of(topic))
            .allTopicNames()
            .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .get(topic)
            .partitions()
            .stream()
            .collect(
                Collectors.toMap(
                    p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
    long end =
        admin
            .listOffsets(latest)
            .all()
            .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .values()
            .stream()
            .mapToLong(info -> info.offset())
            .sum();
    long done =
        committed.entrySet().stream()
            .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
            .mapToLong(e -> e.getValue().offset())
            .sum();
    return new Position(done, end);
  }

  @Override
  public void close() {
    admin.close(TIMEOUT);
  }
}
