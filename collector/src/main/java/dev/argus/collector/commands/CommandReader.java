package dev.argus.collector.commands;

import dev.argus.collector.kafka.TopicReader;
import dev.argus.contract.Topics;
import dev.argus.contract.commands.CollectorCommand;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code argus.commands} in a consumer group of this collector's own (every collector sees
 * every command) and runs a poll cycle for each {@code poll_now}. A new group starts at the end of
 * the topic, so commands from before the collector's first start are not run.
 *
 * <p>Start-up waits (up to a bound) until the partitions are assigned and their start position is
 * known, so that a command sent once the collector is up is not missed. A record that cannot be
 * read, or a command of an unknown type, is logged, counted and skipped.
 */
public final class CommandReader extends TopicReader {

  private static final Logger log = LoggerFactory.getLogger(CommandReader.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);

  private final ManualPoll manualPoll;
  private final Deserializer<CollectorCommand> values = Topics.COMMANDS.valueSerde().deserializer();
  private final AtomicLong skippedRecords = new AtomicLong();

  /**
   * @param consumers creates the consumer (see {@code KafkaClients#commandConsumer})
   * @param startupWait how long start-up waits for the partitions to be assigned
   */
  public CommandReader(
      Supplier<Consumer<String, byte[]>> consumers, ManualPoll manualPoll, Duration startupWait) {
    super(Topics.COMMANDS.name(), consumers, startupWait);
    this.manualPoll = manualPoll;
  }

  @Override
  protected String notReadyAtStartup(Duration waited) {
    return "Not yet reading "
        + Topics.COMMANDS.name()
        + " after "
        + waited
        + "; manual polls work once it is";
  }

  @Override
  protected void readWith(Consumer<String, byte[]> consumer) {
    consumer.subscribe(List.of(Topics.COMMANDS.name()), new PositionsKnown(consumer));
    while (!stopping()) {
      consumer.poll(POLL_TIMEOUT).forEach(this::handle);
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
      log.info(
          "Command {}: poll_now (requested at {})", command.commandId(), command.requestedAt());
      manualPoll.pollNow(command.commandId());
    } else {
      skip(
          record,
          "unknown command type '"
              + command.type()
              + "' (known: "
              + CollectorCommand.POLL_NOW
              + ")");
    }
  }

  private void skip(ConsumerRecord<String, byte[]> record, String reason) {
    long count = skippedRecords.incrementAndGet();
    log.warn(
        "Skipped command {}-{}@{} (key {}), {} skipped so far: {}",
        record.topic(),
        record.partition(),
        record.offset(),
        record.key(),
        count,
        reason);
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
      ready();
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      // Offsets are committed automatically; nothing to hand over.
    }
  }
}
