package dev.argus.api.ai;

import dev.argus.api.system.ApiConsumerGroups;
import dev.argus.api.system.KafkaClients;
import dev.argus.api.system.KafkaConsumerLoop;
import dev.argus.contract.Topics;
import dev.argus.contract.camera.CameraEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The describer: reads {@code argus.camera.events} (consumer group {@value #GROUP_ID}, shared by
 * the api replicas, so each event is described by one of them; committed records only; key camera
 * UUID, value {@link CameraEvent} with its frames), describes each event with {@link
 * EventDescriber} and publishes the {@code EventDescription} to {@code argus.camera.descriptions}.
 *
 * <p>A poll takes at most {@code ARGUS_API_DESCRIBER_CONCURRENCY} events, described at once on
 * virtual threads (the provider calls are slow, the threads cheap); the batch's offsets are
 * committed when every one of its descriptions is published, so a crash describes them again (a
 * redelivered event gets the same description id: the sink replaces, not adds). When publishing or
 * the database fails, the batch is read again after a pause. A record that cannot be read is logged
 * and skipped.
 */
@Component
class CameraEventDescriber extends KafkaConsumerLoop {

  static final String GROUP_ID = ApiConsumerGroups.DESCRIBER;
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final Logger log = LoggerFactory.getLogger(CameraEventDescriber.class);

  private final KafkaClients kafka;
  private final EventDescriber describer;
  private final DescriptionPublisher publisher;
  private final AiProperties properties;
  private final Deserializer<CameraEvent> events = Topics.CAMERA_EVENTS.valueSerde().deserializer();

  CameraEventDescriber(
      KafkaClients kafka,
      EventDescriber describer,
      DescriptionPublisher publisher,
      AiProperties properties) {
    super("argus-describer", SmartLifecycle.DEFAULT_PHASE, "Describer");
    this.kafka = kafka;
    this.describer = describer;
    this.publisher = publisher;
    this.properties = properties;
  }

  @Override
  protected boolean enabled() {
    return properties.describerEnabled();
  }

  @Override
  protected KafkaConsumer<String, byte[]> newConsumer() {
    return kafka.consumer(
        GROUP_ID,
        "describer",
        Map.of(
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            properties.describerAutoOffsetReset(),
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
            properties.describerConcurrency(),
            // Events carry their frames: up to the topic's largest record.
            ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
            Topics.CAMERA_MAX_MESSAGE_BYTES,
            ConsumerConfig.FETCH_MAX_BYTES_CONFIG,
            Topics.CAMERA_MAX_MESSAGE_BYTES,
            // A batch may wait for retries and fallbacks on slow providers.
            ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
            (int) Duration.ofMinutes(10).toMillis()));
  }

  @Override
  protected void consume(KafkaConsumer<String, byte[]> kafka) {
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      kafka.subscribe(List.of(Topics.CAMERA_EVENTS.name()));
      while (running()) {
        ConsumerRecords<String, byte[]> records = kafka.poll(POLL);
        if (records.isEmpty()) {
          continue;
        }
        Map<TopicPartition, Long> firstFailed = describeAll(records, threads);
        kafka.commitSync(done(records, firstFailed));
        if (!firstFailed.isEmpty()) {
          // Those partitions go back to their first event without a published description; the
          // events after it come again too (their descriptions replace themselves).
          firstFailed.forEach(kafka::seek);
          pause();
        }
      }
    }
  }

  /**
   * Describes and publishes every event of the batch at once; returns, per partition, the offset of
   * its first event that could not be described or published (none when all were).
   */
  private Map<TopicPartition, Long> describeAll(
      ConsumerRecords<String, byte[]> records, ExecutorService threads) {
    Map<ConsumerRecord<String, byte[]>, Future<?>> running = new LinkedHashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      CameraEvent event = read(record);
      if (event != null) {
        running.put(record, threads.submit(() -> publisher.publish(describer.describe(event))));
      }
    }
    Map<TopicPartition, Long> firstFailed = new HashMap<>();
    for (Map.Entry<ConsumerRecord<String, byte[]>, Future<?>> described : running.entrySet()) {
      ConsumerRecord<String, byte[]> record = described.getKey();
      try {
        described.getValue().get();
      } catch (ExecutionException e) {
        log.warn(
            "Cannot describe event at {}-{}@{} yet, retrying in {}: {}",
            record.topic(),
            record.partition(),
            record.offset(),
            RETRY_PAUSE,
            e.getCause().toString());
        firstFailed.merge(
            new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WakeupException();
      }
    }
    return firstFailed;
  }

  private CameraEvent read(ConsumerRecord<String, byte[]> record) {
    try {
      CameraEvent event = events.deserialize(record.topic(), record.value());
      if (event == null) {
        log.warn(
            "Skipping empty record {}-{}@{}", record.topic(), record.partition(), record.offset());
      }
      return event;
    } catch (SerializationException | IllegalArgumentException e) {
      log.warn(
          "Skipping unreadable record {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
      return null;
    }
  }

  /** Per partition, the offset after its last event described before the first failure. */
  private static Map<TopicPartition, OffsetAndMetadata> done(
      ConsumerRecords<String, byte[]> records, Map<TopicPartition, Long> firstFailed) {
    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      Long failed = firstFailed.get(partition);
      long next = failed != null ? failed : records.records(partition).getLast().offset() + 1;
      if (next > records.records(partition).getFirst().offset()) {
        done.put(partition, new OffsetAndMetadata(next));
      }
    }
    return done;
  }
}
