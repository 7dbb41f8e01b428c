package dev.argus.collector.config;

import dev.argus.collector.kafka.TopicReader;
import dev.argus.contract.Topics;
import dev.argus.contract.config.ConfigEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads the compacted {@code argus.config} topic from the beginning and keeps reading, feeding
 * every record into {@link ManagedConfig}. Partitions are assigned by hand (no consumer group,
 * nothing committed): every collector reads the whole configuration, every time it starts.
 *
 * <p>Start-up waits (up to a bound) until the records present at start have been read, so that the
 * first poll cycle already knows the devices, the pause and the interval. It starts before the poll
 * scheduler and stops after it (an earlier lifecycle phase).
 *
 * <p>A record that cannot be read (malformed JSON, a value that does not belong under its key) is
 * logged, counted and skipped; the reader never stops for one.
 */
public final class ConfigTopicReader extends TopicReader {

  private static final Logger log = LoggerFactory.getLogger(ConfigTopicReader.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);

  private final ManagedConfig config;
  private final Deserializer<ConfigEntry> values = Topics.CONFIG.valueSerde().deserializer();
  private final AtomicLong malformedRecords = new AtomicLong();

  // Catch-up requests (awaitCaughtUp): counted, so that one read to the end serves every request
  // made before it started. Guarded by `progress`.
  private final Object progress = new Object();
  private long catchUpsRequested;
  private long catchUpsServed;

  /**
   * @param consumers creates the consumer (see {@code KafkaClients#configConsumer})
   * @param startupWait how long start-up waits for the records present at start
   */
  public ConfigTopicReader(
      Supplier<Consumer<String, byte[]>> consumers, ManagedConfig config, Duration startupWait) {
    super(Topics.CONFIG.name(), consumers, startupWait);
    this.config = config;
  }

  @Override
  protected String notReadyAtStartup(Duration waited) {
    return "The configuration topic "
        + Topics.CONFIG.name()
        + " was not read within "
        + waited
        + "; polling starts with what is known and follows the topic";
  }

  /** Before the poll scheduler (default phase), so that its first cycle has the configuration. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 1000;
  }

  /** A read again after a failure starts from the beginning and rebuilds the same configuration. */
  @Override
  protected void readWith(Consumer<String, byte[]> consumer) {
    readFromTheBeginning(consumer);
  }

  private void readFromTheBeginning(Consumer<String, byte[]> consumer) {
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.CONFIG.name()).stream()
            .map(info -> new TopicPartition(info.topic(), info.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> endAtStart = consumer.endOffsets(partitions);
    // A read again after a failure starts afresh, so that nothing deleted meanwhile lingers.
    config.startReading();
    boolean readToEndAtStart = false;
    Map<TopicPartition, Long> catchUpEnd = null;
    long catchUpFor = 0;
    while (!stopping()) {
      long requested = catchUpsRequested();
      if (catchUpEnd == null && requested > catchUpsServed()) {
        // Asked on this thread, which owns the consumer: the end as of now.
        catchUpEnd = consumer.endOffsets(partitions);
        catchUpFor = requested;
      }
      ConsumerRecords<String, byte[]> records = consumer.poll(POLL_TIMEOUT);
      records.forEach(this::apply);
      if (!readToEndAtStart) {
        readToEndAtStart = readTo(consumer, endAtStart);
        if (!readToEndAtStart) {
          // Not effective before the whole configuration is known: a half-read one would drop
          // devices.
          continue;
        }
        config.refresh();
        log.info("Read the configuration topic {}", Topics.CONFIG.name());
        ready();
      } else if (!records.isEmpty()) {
        config.refresh();
      }
      if (catchUpEnd != null && readTo(consumer, catchUpEnd)) {
        served(catchUpFor);
        catchUpEnd = null;
      }
    }
  }

  /**
   * Waits until the configuration holds every record the topic had when this was called: a job
   * queued by the api right after a configuration change (a model just enabled) is then run with
   * that change, since the api's outbox publishes the change before the job.
   *
   * @return whether it caught up within {@code timeout}; when not, the caller goes on with what is
   *     known
   */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      long mine = ++catchUpsRequested;
      while (catchUpsServed < mine) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(progress, left);
      }
      return true;
    }
  }

  private long catchUpsRequested() {
    synchronized (progress) {
      return catchUpsRequested;
    }
  }

  private long catchUpsServed() {
    synchronized (progress) {
      return catchUpsServed;
    }
  }

  private void served(long upTo) {
    synchronized (progress) {
      catchUpsServed = Math.max(catchUpsServed, upTo);
      progress.notifyAll();
    }
  }

  private static boolean readTo(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream()
        .allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue());
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    try {
      ConfigEntry value =
          record.value() == null ? null : values.deserialize(record.topic(), record.value());
      config.apply(record.key(), value);
    } catch (SerializationException | IllegalArgumentException e) {
      long count = malformedRecords.incrementAndGet();
      log.warn(
          "Skipped record {}-{}@{} (key {}), {} malformed so far: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          record.key(),
          count,
          e.getMessage());
    }
  }
}
