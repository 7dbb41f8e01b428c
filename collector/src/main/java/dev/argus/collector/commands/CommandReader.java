package dev.argus.collector.commands;

import dev.argus.contract.Topics;
import dev.argus.contract.commands.CollectorCommand;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads {@code argus.commands} in a consumer group of this collector's own (every collector sees
 * every command) and runs a poll cycle for each {@code poll_now}. A new group starts at the end of
 * the topic, so commands from before the collector's first start are not run.
 *
 * <p>Start-up waits (up to a bound) until the partitions are assigned and their start position is
 * known, so that a command sent once the collector is up is not missed. A record that cannot be
 * read, or a command of an unknown type, is logged, counted and skipped.
 */
public final class CommandReader implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CommandReader.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
  private static final Duration RETRY_BACKOFF = Duration.ofSeconds(2);

  private final Supplier<Consumer<String, byte[]>> consumers;
  private final ManualPoll manualPoll;
  private final Duration startupWait;
  private final Deserializer<CollectorCommand> values = Topics.COMMANDS.valueSerde().deserializer();
  private final AtomicLong skippedRecords = new AtomicLong();
  private final CountDownLatch assigned = new CountDownLatch(1);
  private volatile Consumer<String, byte[]> consumer;
  private volatile boolean stopping;
  private volatile boolean running;
  private Thread thread;

  /**
   * @param consumers creates the consumer (see {@code KafkaClients#commandConsumer})
   * @param startupWait how long start-up waits for the partitions to be assigned
   */
  public CommandReader(Supplier<Consumer<String, byte[]>> consumers, ManualPoll manualPoll, Duration startupWait) {
    this.consumers = consumers;
    this.manualPoll = manualPoll;
    this.startupWait = startupWait;
  }

  @Override
  public void start() {
    stopping = false;
    thread = Thread.ofPlatform().name("command-reader").start(this::readLoop);
    running = true;
    try {
      if (!assigned.await(startupWait.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("Not yet reading {} after {}; manual polls work once it is", Topics.COMMANDS.name(), startupWait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void stop() {
    running = false;
    stopping = true;
    Consumer<String, byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    try {
      thread.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Records skipped (unreadable, or an unknown command type) since start-up. */
  public long skippedRecords() {
    return skippedRecords.get();
  }

  private void readLoop() {
    while (!stopping) {
      try (Consumer<String, byte[]> opened = consumers.get()) {
        consumer = opened;
        if (stopping) {
          return;
        }
        opened.subscribe(List.of(Topics.COMMANDS.name()), new PositionsKnown(opened));
        while (!stopping) {
          opened.poll(POLL_TIMEOUT).forEach(this::handle);
        }
      } catch (WakeupException e) {
        return;
      } catch (KafkaException e) {
        log.warn("Reading {} failed, trying again in {}: {}", Topics.COMMANDS.name(), RETRY_BACKOFF, e.toString());
        sleep(RETRY_BACKOFF);
      } catch (RuntimeException e) {
        log.error("Reading {} failed unexpectedly, trying again in {}", Topics.COMMANDS.name(), RETRY_BACKOFF, e);
        sleep(RETRY_BACKOFF);
      }
    }
  }

  private void handle(ConsumerRecord<String, byte[]> record) {
    CollectorCommand command;
    try {
      command = record.value() == null ? null : values.deserialize(record.topic(), record.value());
    } catch (SerializationException e) {
      skip(record, e.getMessage());
      return;
    }
    if (command == null) {
      skip(record, "no value");
    } else if (CollectorCommand.POLL_NOW.equals(command.type())) {
      log.info("Command {}: poll_now (requested at {})", command.commandId(), command.requestedAt());
      manualPoll.pollNow(command.commandId());
    } else {
      skip(record, "unknown command type '" + command.type() + "' (known: " + CollectorCommand.POLL_NOW + ")");
    }
  }

  private void skip(ConsumerRecord<String, byte[]> record, String reason) {
    long count = skippedRecords.incrementAndGet();
    log.warn("Skipped command {}-{}@{} (key {}), {} skipped so far: {}", record.topic(), record.partition(), record.offset(),
        record.key(), count, reason);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Looks the start positions up as soon as the partitions are assigned: a new group starts at the
   * end offset as of that lookup, so every command sent after start-up is seen.
   */
  private final class PositionsKnown implements ConsumerRebalanceListener {

    private final Consumer<String, byte[]> consumer;

    PositionsKnown(Consumer<String, byte[]> consumer) {
      this.consumer = consumer;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      partitions.forEach(consumer::position);
      assigned.countDown();
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      // Offsets are committed automatically; nothing to hand over.
    }
  }
}
