package dev.argus.api.alerts;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Commits, the moment a partition is assigned, the position of every partition the group has no
 * committed offset for yet. The alert group starts at the end of {@code argus.events} ({@code
 * ARGUS_ALERTS_AUTO_OFFSET_RESET=latest}: no flood of old alerts at the first start), and commits
 * only after it handled a record; a partition that has had no event yet would otherwise have no
 * committed offset, and whoever owned it next — a replica taking over from one killed, the api
 * started again after an upgrade — would start at the end again and skip every event published to
 * it meanwhile. Pinned, "latest" means "from when the group first read the partition".
 */
final class StartPositions implements ConsumerRebalanceListener {

  private final Consumer<?, ?> consumer;

  StartPositions(Consumer<?, ?> consumer) {
    this.consumer = consumer;
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> committed =
        consumer.committed(new HashSet<>(partitions));
    Map<TopicPartition, OffsetAndMetadata> starts = new HashMap<>();
    for (TopicPartition partition : partitions) {
      if (committed.get(partition) == null) {
        // position() applies auto.offset.reset now: the end of the partition at this moment.
        starts.put(partition, new OffsetAndMetadata(consumer.position(partition)));
      }
    }
    if (!starts.isEmpty()) {
      consumer.commitSync(starts);
    }
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    // Offsets are committed after each batch is handled; nothing is pending here.
  }
}
