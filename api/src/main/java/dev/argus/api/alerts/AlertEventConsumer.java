package dev.argus.api.alerts;

import dev.argus.api.system.ApiConsumerGroups;
import dev.argus.api.system.KafkaClients;
import dev.argus.contract.Topics;
import dev.argus.contract.events.DerivedEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads {@code argus.events} (consumer group {@value #GROUP_ID}, key subject id, value {@link
 * DerivedEvent}) and hands each event to the {@link AlertDispatcher}, on a thread of its own so the
 * api starts and serves while Kafka is away. Offsets are committed after the events before them
 * were handled: a crash re-reads them, and the dispatcher sends no event twice through one
 * provider. A partition without a committed offset gets one when it is first assigned ({@link
 * StartPositions}), so a rebalance never skips to the end. A record that cannot be read is logged,
 * counted and skipped; when handling fails (the database is down) the partition is rewound and
 * tried again after a pause.
 */
class AlertEventConsumer implements SmartLifecycle {

  static final String GROUP_ID = ApiConsumerGroups.ALERTS;
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);
  private static final Logger log = LoggerFactory.getLogger(AlertEventConsumer.class);

  private final AlertProperties properties;
  private final KafkaClients kafka;
  private final AlertDispatcher dispatcher;
  private final Deserializer<DerivedEvent> events = Topics.EVENTS.valueSerde().deserializer();
  private final AtomicLong malformed = new AtomicLong();
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile boolean running;
  private Thread thread;

  AlertEventConsumer(AlertProperties properties, KafkaClients kafka, AlertDispatcher dispatcher) {
    this.properties = properties;
    this.kafka = kafka;
    this.dispatcher = dispatcher;
  }

  /** Records skipped because they could not be read, since start. */
  long malformedRecords() {
    return malformed.get();
  }

  @Override
  public void start() {
    consumer =
        kafka.consumer(
            GROUP_ID,
            "alerts",
            Map.of(
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                properties.autoOffsetReset(),
                // Few records per poll: each may wait for retries against slow providers, and
                // the group must hear from us within max.poll.interval.ms.
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                10,
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                (int) Duration.ofMinutes(10).toMillis()));
    running = true;
    thread = Thread.ofPlatform().name("argus-alerts-consumer").daemon().start(this::run);
  }

  @Override
  public void stop() {
    running = false;
    KafkaConsumer<String, byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    try (KafkaConsumer<String, byte[]> kafka = consumer) {
      kafka.subscribe(List.of(Topics.EVENTS.name()), new StartPositions(kafka));
      while (running) {
        try {
          ConsumerRecords<String, byte[]> records = kafka.poll(POLL);
          if (!records.isEmpty()) {
            handle(kafka, records);
          }
        } catch (WakeupException e) {
          throw e;
        } catch (KafkaException e) {
          // E.g. a commit refused after a rebalance: the records come again, and are not sent
          // twice.
          log.warn("Alert consumer: {}; carrying on", e.toString());
          pause();
        }
      }
    } catch (WakeupException e) {
      // stop() was called.
    } finally {
      running = false;
    }
  }

  private void handle(
      KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
        try {
          handle(record);
        } catch (RuntimeException e) {
          log.warn(
              "Cannot handle event at {}@{} yet, retrying in {}: {}",
              partition,
              record.offset(),
              RETRY_PAUSE,
              e.toString());
          commit(kafka, done);
          rewind(kafka, records, done);
          pause();
          return;
        }
        done.put(partition, new OffsetAndMetadata(record.offset() + 1));
      }
    }
    commit(kafka, done);
  }

  private void handle(ConsumerRecord<String, byte[]> record) {
    DerivedEvent event;
    try {
      event = events.deserialize(record.topic(), record.value());
    } catch (SerializationException e) {
      malformed.incrementAndGet();
      log.warn(
          "Skipping unreadable record {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
      return;
    }
    if (event == null) {
      malformed.incrementAndGet();
      log.warn(
          "Skipping empty record {}-{}@{}", record.topic(), record.partition(), record.offset());
      return;
    }
    dispatcher.handle(event);
  }

  private static void commit(
      KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, OffsetAndMetadata> done) {
    if (!done.isEmpty()) {
      kafka.commitSync(done);
    }
  }

  /** Every partition of the batch back to its first record not yet handled. */
  private static void rewind(
      KafkaConsumer<String, byte[]> kafka,
      ConsumerRecords<String, byte[]> records,
      Map<TopicPartition, OffsetAndMetadata> done) {
    for (TopicPartition partition : records.partitions()) {
      OffsetAndMetadata handled = done.get(partition);
      kafka.seek(
          partition,
          handled != null ? handled.offset() : records.records(partition).getFirst().offset());
    }
  }

  private void pause() {
    try {
      Thread.sleep(RETRY_PAUSE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
