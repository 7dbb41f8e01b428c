package dev.argus.api.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link BackgroundThread} that reads Kafka with one consumer at a time: the benchmark feed, the
 * live feed and the describer. It opens a consumer, lets the subclass read with it until the
 * application stops, and after a broker failure (or a subclass that returns early, e.g. because a
 * topic is not there yet) closes it and opens a new one after a pause; stopping wakes the consumer
 * out of its poll.
 */
public abstract class KafkaConsumerLoop extends BackgroundThread {

  /** How long a loop waits before it reads again after a failure. */
  protected static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

  private static final Logger log = LoggerFactory.getLogger(KafkaConsumerLoop.class);

  private final String what;
  private volatile KafkaConsumer<String, byte[]> consumer;

  /**
   * @param what how the logs name this loop, e.g. {@code Live feed}
   */
  protected KafkaConsumerLoop(String threadName, int phase, String what) {
    super(threadName, phase);
    this.what = what;
  }

  /** A new consumer for this loop (one per attempt; the loop closes it). */
  protected abstract KafkaConsumer<String, byte[]> newConsumer();

  /** Reads with the consumer while {@link #running()}; returning early retries after a pause. */
  protected abstract void consume(KafkaConsumer<String, byte[]> consumer);

  /** Called each time a consumer ends, however it ended; default nothing. */
  protected void afterConsumer() {}

  @Override
  protected final void beforeInterrupt() {
    KafkaConsumer<String, byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
  }

  @Override
  protected final void runUntilStopped() {
    while (running()) {
      try (KafkaConsumer<String, byte[]> current = newConsumer()) {
        consumer = current;
        consume(current);
      } catch (WakeupException e) {
        return;
      } catch (KafkaException e) {
        log.debug("{}: {}; reconnecting", what, e.toString());
      } finally {
        consumer = null;
        afterConsumer();
      }
      pause();
    }
  }

  /** Sleeps before the next attempt; an interrupt (only {@code stop()} sends one) ends it. */
  protected final void pause() {
    try {
      Thread.sleep(RETRY_PAUSE);
    } catch (InterruptedException e) {
      // Only stop() interrupts, and it has already cleared running().
      Thread.currentThread().interrupt();
    }
  }

  /** Every partition of the topics, or empty while one of them does not exist yet. */
  protected static Optional<List<TopicPartition>> partitionsOf(
      KafkaConsumer<String, byte[]> consumer, Collection<String> topics) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic);
      if (infos == null || infos.isEmpty()) {
        return Optional.empty();
      }
      infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    return Optional.of(partitions);
  }

  /**
   * Assigns the partitions and positions the consumer at their end now (seekToEnd alone is lazy),
   * so that whatever is published from the return on is read.
   */
  protected static void readFromEnd(
      KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
  }
}
