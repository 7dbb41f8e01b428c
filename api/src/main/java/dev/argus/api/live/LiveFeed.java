package dev.argus.api.live;

import dev.argus.api.system.BackgroundThread;
import dev.argus.api.system.KafkaClients;
import dev.argus.contract.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Feeds {@link LiveHub} from Kafka: {@code argus.camera.events}, {@code argus.camera.descriptions},
 * {@code argus.camera.status} and {@code argus.events}. Each api replica reads every partition of
 * them itself (assigned, no consumer group, from the end, committed records only), so whichever
 * replica a dashboard reaches sends it everything. Camera events carry their frames (records up to
 * 8 MB), so the fetch sizes allow them.
 */
@Component
class LiveFeed extends BackgroundThread {

  private static final String GROUP_ID = "argus-api-live";
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);
  private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

  private final KafkaClients kafka;
  private final LiveHub hub;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile boolean live;

  LiveFeed(KafkaClients kafka, LiveHub hub) {
    super("argus-live-feed", SmartLifecycle.DEFAULT_PHASE);
    this.kafka = kafka;
    this.hub = hub;
  }

  /** Whether the feed reads its topics now: records published from here on reach the clients. */
  boolean isLive() {
    return live;
  }

  @Override
  protected void beforeInterrupt() {
    KafkaConsumer<String, byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
  }

  @Override
  protected void runUntilStopped() {
    while (running()) {
      try {
        consumeUntilStopped();
      } catch (WakeupException e) {
        return;
      } catch (KafkaException e) {
        log.debug("Live feed: {}; reconnecting", e.toString());
      } finally {
        live = false;
      }
      pause();
    }
  }

  private void consumeUntilStopped() {
    consumer =
        kafka.consumer(
            GROUP_ID,
            "live",
            Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "latest",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                Topics.CAMERA_MAX_MESSAGE_BYTES,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG,
                Topics.CAMERA_MAX_MESSAGE_BYTES * 4));
    try (KafkaConsumer<String, byte[]> kafka = consumer) {
      Optional<List<TopicPartition>> partitions = partitions(kafka);
      if (partitions.isEmpty()) {
        // A topic is not there yet (the api creates them at start): look again shortly.
        return;
      }
      kafka.assign(partitions.get());
      kafka.seekToEnd(partitions.get());
      // seekToEnd is lazy: resolve the positions now, so "live" means it.
      partitions.get().forEach(kafka::position);
      live = true;
      log.info("Live feed reads {} from their end", LiveType.topics());
      while (running()) {
        for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
          handle(record);
        }
      }
    }
  }

  /** Every partition of every fed topic, or empty while one of the topics is missing. */
  private static Optional<List<TopicPartition>> partitions(KafkaConsumer<String, byte[]> kafka) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : LiveType.topics()) {
      List<PartitionInfo> infos = kafka.partitionsFor(topic);
      if (infos == null || infos.isEmpty()) {
        return Optional.empty();
      }
      infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    return Optional.of(partitions);
  }

  private void handle(ConsumerRecord<String, byte[]> record) {
    Optional<LiveType> type = LiveType.ofTopic(record.topic());
    if (type.isEmpty()) {
      return;
    }
    Optional<LiveMessage> message;
    try {
      message = LiveMessages.of(type.get(), record.value());
    } catch (RuntimeException e) {
      log.warn(
          "Skipping unreadable record {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
      return;
    }
    message.ifPresent(m -> hub.publish(type.get(), m));
  }

  private void pause() {
    try {
      Thread.sleep(RETRY_PAUSE);
    } catch (InterruptedException e) {
      // Only stop() interrupts, and it has already cleared running().
      Thread.currentThread().interrupt();
    }
  }
}
