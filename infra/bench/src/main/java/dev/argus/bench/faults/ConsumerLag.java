package dev.argus.bench.faults;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Every consumer group's lag, as a Kafka user measures it: for each partition a group has committed
 * an offset on, the partition's end offset minus that offset, summed per group. Under exactly-once
 * a transaction's commit marker takes an offset too, so a group that has read everything may show a
 * lag of one per partition; the soak looks at how lag moves, not at zero.
 */
final class ConsumerLag implements AutoCloseable {

  private final Admin admin;

  ConsumerLag(String bootstrap) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "argus-faults-lag");
    admin = Admin.create(props);
  }

  /** Lag per group id, of every group that has committed offsets. */
  Map<String, Long> now() throws Exception {
    Map<String, Long> lag = new HashMap<>();
    for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(group.groupId())
              .partitionsToOffsetAndMetadata()
              .get(10, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
      if (latest.isEmpty()) {
        continue;
      }
      var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
      long sum = 0;
      for (var entry : committed.entrySet()) {
        if (entry.getValue() != null && ends.containsKey(entry.getKey())) {
          sum += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
        }
      }
      lag.put(group.groupId(), sum);
    }
    return lag;
  }

  @Override
  public void close() {
    admin.close();
  }
}
