package dev.argus.processor.sink;

import dev.argus.contract.Topics;
import dev.argus.contract.kafka.KafkaSettings;
import dev.argus.processor.system.GroupMembership;
import dev.argus.processor.system.metrics.DeadLetterCount;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Stores power and probe readings, power and target events, target status, collector heartbeats,
 * energy totals, the LLM topics and the camera topics in PostgreSQL, one lane ({@link SinkLane}) a
 * sink.
 *
 * <p>One thread: migrate the schema (waiting for the database if it is down), then poll, write each
 * poll's records in one transaction, dead-letter the records that cannot be read, and only then
 * commit the offsets. If the write fails, the offsets are not committed: the consumer is rewound to
 * the batch's first offsets and the same records are written again after an exponential backoff, so
 * an outage of the database, or a full disk under it, loses nothing (a full disk is logged as such
 * and counted, {@link SinkCounters#diskFullRetries()}). The writes are idempotent, so writing a
 * batch twice (a retry, a crash before the offset commit, a replay) changes nothing.
 *
 * <p>It reads {@code read_committed} because the topology writes events and energy totals in
 * transactions; aborted ones must never be stored.
 */
public class TelemetrySink implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(TelemetrySink.class);

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_ERROR_LENGTH = 300;
  private static final String DISK_FULL = "53100";

  private final KafkaSettings kafka;
  private final GroupMembership membership;
  private final SinkProperties settings;
  private final SinkLane lane;
  private final SchemaOnce schema;
  private final TelemetryWriter writer;
  private final SinkBatchDecoder decoder = new SinkBatchDecoder();
  private final SinkCounters counters = new SinkCounters();
  private final RetryBackoff backoff;
  private final SinkMeters meters;
  private final DeadLetterCount deadLetterCount;

  private volatile boolean running;
  private volatile CountDownLatch stopRequested = new CountDownLatch(0);
  private volatile Consumer<byte[], byte[]> consumer;
  private Thread worker;
  private long lastStatsLog;
  private String lastStatsLine = "";

  /**
   * With the default group membership (see {@link GroupMembership#defaults()}) and meters kept in
   * no registry.
   */
  TelemetrySink(
      KafkaSettings kafka,
      SinkProperties settings,
      DataSource dataSource,
      SinkLane lane,
      SchemaOnce schema) {
    this(
        kafka,
        settings,
        GroupMembership.defaults(),
        dataSource,
        lane,
        schema,
        new CompositeMeterRegistry());
  }

  /**
   * @param membership session timeout and static membership of the lane's consumer
   * @param schema shared by the lanes of one process, so the schema is migrated once
   * @param registry where the lane's batch sizes, times, retries and dead letters are counted
   */
  TelemetrySink(
      KafkaSettings kafka,
      SinkProperties settings,
      GroupMembership membership,
      DataSource dataSource,
      SinkLane lane,
      SchemaOnce schema,
      MeterRegistry registry) {
    this.kafka = kafka;
    this.membership = membership;
    this.settings = settings;
    this.lane = lane;
    this.schema = schema;
    this.writer =
        new TelemetryWriter(dataSource, new DeviceRowRefresh(settings.lastSeenResolution()));
    this.backoff = new RetryBackoff(settings.retryInitialBackoff(), settings.retryMaxBackoff());
    this.meters = new SinkMeters(registry, lane.name());
    this.deadLetterCount = new DeadLetterCount(registry);
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    stopRequested = new CountDownLatch(1);
    worker = Thread.ofPlatform().name("argus-" + lane.name()).start(this::run);
  }

  @Override
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    stopRequested.countDown();
    Consumer<byte[], byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    try {
      worker.join(STOP_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.info("Sink stopped: {}", counters);
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  public SinkCounters counters() {
    return counters;
  }

  private void run() {
    if (!awaitSchema()) {
      return;
    }
    while (running) {
      try {
        consumeUntilStopped();
      } catch (WakeupException | InterruptException e) {
        // stop() woke the consumer up.
      } catch (RuntimeException e) {
        Duration wait = backoff.next();
        log.error("Sink consumer failed; starting a new one in {}", wait, e);
        awaitStop(wait);
      }
    }
  }

  /** Migrates the schema, waiting for the database as long as it takes; false when stopped. */
  private boolean awaitSchema() {
    RetryBackoff wait =
        new RetryBackoff(settings.retryInitialBackoff(), settings.retryMaxBackoff());
    while (running) {
      try {
        schema
            .migrate()
            .ifPresent(
                result ->
                    log.info(
                        "Database schema is ready ({} migrations applied, now at version {})",
                        result.migrationsExecuted,
                        result.targetSchemaVersion));
        return true;
      } catch (RuntimeException e) {
        counters.schemaRetried();
        Duration delay = wait.next();
        log.warn(
            "Cannot migrate the database schema, is PostgreSQL reachable? ({}); retrying in {}",
            describe(e),
            delay);
        if (awaitStop(delay)) {
          return false;
        }
      }
    }
    return false;
  }

  private void consumeUntilStopped() {
    try (Consumer<byte[], byte[]> polling = new KafkaConsumer<>(consumerConfig());
        DeadLetterPublisher deadLetters =
            new DeadLetterPublisher(
                new KafkaProducer<>(producerConfig()), lane.groupId(), deadLetterCount)) {
      consumer = polling;
      if (!running) {
        return;
      }
      polling.subscribe(lane.topics());
      log.info("Sink consuming {} as group {}", lane.topics(), lane.groupId());
      while (running) {
        ConsumerRecords<byte[], byte[]> records = polling.poll(settings.pollTimeout());
        if (!records.isEmpty()) {
          store(polling, deadLetters, decoder.decode(records));
        }
        logCountersPeriodically();
      }
    } finally {
      consumer = null;
    }
  }

  private void store(
      Consumer<byte[], byte[]> polling, DeadLetterPublisher deadLetters, SinkBatch batch) {
    long started = System.nanoTime();
    WriteCounts written;
    try {
      written = writer.write(batch);
    } catch (SQLException | RuntimeException e) {
      if (isOutOfSpace(e)) {
        counters.diskFullRetried();
        retryLater(
            polling,
            batch,
            "disk_full",
            "PostgreSQL is out of disk space; the records wait in Kafka until space is freed on"
                + " its volume",
            e);
      } else {
        retryLater(polling, batch, "database", "Could not write to PostgreSQL", e);
      }
      return;
    }
    try {
      deadLetters.publish(batch.malformed());
    } catch (KafkaException e) {
      retryLater(polling, batch, "dead_letters", "Could not send dead letters", e);
      return;
    }
    counters.batchStored(written, batch.malformed().size());
    meters.batchStored(batch.recordCount(), Duration.ofNanos(System.nanoTime() - started));
    backoff.reset();
    try {
      polling.commitSync(batch.nextOffsets());
    } catch (WakeupException | InterruptException e) {
      throw e;
    } catch (KafkaException e) {
      // The rows are stored; whoever consumes these records again writes them again, which the
      // idempotent statements turn into nothing.
      log.warn("Could not commit the offsets of a stored batch: {}", e.getMessage());
    }
  }

  private void retryLater(
      Consumer<byte[], byte[]> polling,
      SinkBatch batch,
      String reason,
      String problem,
      Exception cause) {
    counters.batchRetried();
    meters.retried(reason);
    Duration wait = backoff.next();
    log.warn(
        "{}: {}. Offsets not committed; retrying the same {} records in {}",
        problem,
        describe(cause),
        batch.recordCount(),
        wait);
    for (Map.Entry<TopicPartition, Long> first : batch.firstOffsets().entrySet()) {
      // After a rebalance a partition may belong to another sink, which starts from the last
      // committed offset anyway.
      if (polling.assignment().contains(first.getKey())) {
        polling.seek(first.getKey(), first.getValue());
      }
    }
    awaitStop(wait);
  }

  /** Waits, returning early (true) when the sink is being stopped. */
  private boolean awaitStop(Duration wait) {
    try {
      return stopRequested.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
      return true;
    }
  }

  private void logCountersPeriodically() {
    long now = System.nanoTime();
    if (now - lastStatsLog < settings.statsInterval().toNanos()) {
      return;
    }
    lastStatsLog = now;
    String line = counters.toString();
    if (!line.equals(lastStatsLine)) {
      lastStatsLine = line;
      log.info("Sink totals ({}): {}", lane.name(), line);
    }
  }

  private Map<String, Object> consumerConfig() {
    Map<String, Object> config = kafka.consumerBaseline("argus-" + lane.name());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, lane.groupId());
    // Each lane is a group of its own, so one instance id serves the three lanes.
    config.putAll(membership.consumerSettings());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
    if (lane.largeRecords()) {
      // A camera record may be as large as its topic allows. A fetch returns at most that much
      // (Kafka's default is 50 MB), so the lane's memory stays bounded.
      config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.CAMERA_MAX_MESSAGE_BYTES);
      config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Topics.CAMERA_MAX_MESSAGE_BYTES);
    }
    return config;
  }

  private Map<String, Object> producerConfig() {
    Map<String, Object> config = kafka.producerBaseline("argus-" + lane.name() + "-deadletter");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    // Bounded, so a broker outage becomes a retried batch rather than a stuck sink.
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    return config;
  }

  /**
   * PostgreSQL refused the write for lack of disk space: SQLSTATE 53100 (disk_full), which it
   * raises for every ENOSPC ("could not extend file ...: No space left on device").
   */
  static boolean isOutOfSpace(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        for (SQLException next = sql; next != null; next = next.getNextException()) {
          if (DISK_FULL.equals(next.getSQLState())) {
            return true;
          }
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /** One line saying what went wrong, from the innermost cause (the driver's own words). */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof SQLException sql && sql.getNextException() != null) {
      root = sql.getNextException();
    }
    String message =
        (root.getClass().getSimpleName() + ": " + root.getMessage()).replaceAll("\\s+", " ");
    return message.length() <= MAX_ERROR_LENGTH
        ? message
        : message.substring(0, MAX_ERROR_LENGTH) + "...";
  }
}
