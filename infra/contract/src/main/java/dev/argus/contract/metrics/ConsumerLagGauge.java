package dev.argus.contract.metrics;

import dev.argus.contract.kafka.KafkaSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code argus_kafka_consumer_lag_records{group,topic}}: how many committed records the consumer
 * groups of a service have yet to read, per topic. Read from the broker (the groups' committed
 * offsets against the last stable offsets), so it counts what a crashed or stuck consumer left
 * behind too, which its own client metrics cannot. Refreshed in the background every {@code
 * interval}; a scrape reads the last values and never waits for the broker. A group that has
 * committed nothing yet has no series.
 */
public final class ConsumerLagGauge implements AutoCloseable {

  public static final String NAME = "argus.kafka.consumer.lag";

  private static final Logger log = LoggerFactory.getLogger(ConsumerLagGauge.class);

  private final Admin admin;
  private final List<String> groups;
  private final Duration timeout;
  private final MultiGauge gauge;
  private final ScheduledExecutorService refresher;
  private volatile boolean failing;

  /**
   * @param admin closed with this gauge
   * @param groups the consumer groups (a Streams application id is one) to watch
   * @param interval how often the lag is read; also the bound of one reading
   */
  public ConsumerLagGauge(
      MeterRegistry registry, Admin admin, List<String> groups, Duration interval) {
    this.admin = admin;
    this.groups = List.copyOf(groups);
    this.timeout = interval;
    this.gauge =
        MultiGauge.builder(NAME)
            .description("Records of the topic the consumer group has yet to read")
            .baseUnit("records")
            .register(registry);
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("argus-consumer-lag").daemon().factory());
    refresher.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Watches {@code groups} through an admin client of its own on {@code kafka}'s brokers. */
  public static ConsumerLagGauge start(
      MeterRegistry registry,
      KafkaSettings kafka,
      String clientId,
      List<String> groups,
      Duration interval) {
    Map<String, Object> config = new HashMap<>();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
    return new ConsumerLagGauge(registry, Admin.create(config), groups, interval);
  }

  private void refresh() {
    try {
      List<MultiGauge.Row<?>> rows = new ArrayList<>();
      for (String group : groups) {
        lagPerTopic(group)
            .forEach(
                (topic, lag) ->
                    rows.add(MultiGauge.Row.of(Tags.of("group", group, "topic", topic), lag)));
      }
      gauge.register(rows, true);
      if (failing) {
        log.info("Consumer lag is read again");
        failing = false;
      }
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      if (!failing) {
        log.warn("Cannot read the consumer lag from the broker (retrying): {}", e.toString());
        failing = true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The group's lag per topic, from its committed offsets; empty when it committed none. */
  Map<String, Long> lagPerTopic(String group)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    committed.forEach(
        (partition, offset) -> {
          if (offset != null) {
            latest.put(partition, OffsetSpec.latest());
          }
        });
    if (latest.isEmpty()) {
      return Map.of();
    }
    // The last stable offset, as the groups read committed records only.
    Map<TopicPartition, ListOffsetsResultInfo> ends =
        admin
            .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
            .all()
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    Map<String, Long> lag = new TreeMap<>();
    ends.forEach(
        (partition, end) ->
            lag.merge(
                partition.topic(),
                Math.max(0, end.offset() - committed.get(partition).offset()),
                Long::sum));
    return lag;
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    admin.close(Duration.ofSeconds(5));
  }
}
