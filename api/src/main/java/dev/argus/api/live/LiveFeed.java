package dev.argus.api.live;

import dev.argus.api.system.KafkaClients;
import dev.argus.api.system.KafkaConsumerLoop;
import dev.argus.contract.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
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
class LiveFeed extends KafkaConsumerLoop {

  private static final String GROUP_ID = "argus-api-live";
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

  private final KafkaClients kafka;
  private final LiveHub hub;
  private volatile boolean live;

  LiveFeed(KafkaClients kafka, LiveHub hub) {
    super("argus-live-feed", SmartLifecycle.DEFAULT_PHASE, "Live feed");
    this.kafka = kafka;
    this.hub = hub;
  }

  /** Whether the feed reads its topics now: records published from here on reach the clients. */
  boolean isLive() {
    return live;
  }

  @Override
  protected KafkaConsumer<String, byte[]> newConsumer() {
    return kafka.consumer(
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
  }

  @Override
  protected void consume(KafkaConsumer<String, byte[]> kafka) {
    Optional<List<TopicPartition>> partitions = partitionsOf(kafka, LiveType.topics());
    if (partitions.isEmpty()) {
      // A topic is not there yet (the api creates them at start): look again shortly.
      return;
    }
    readFromEnd(kafka, partitions.get());
    live = true;
    log.info("Live feed reads {} from their end", LiveType.topics());
    while (running()) {
      for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
        handle(record);
      }
    }
  }

  @Override
  protected void afterConsumer() {
    live = false;
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
}
