package dev.argus.collector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.Topics;
import dev.argus.contract.collector.CollectorHeartbeat;
import java.time.Instant;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.NetworkException;
import org.junit.jupiter.api.Test;

class TopicPublisherTest {

  private final MockProducer<String, CollectorHeartbeat> producer =
      new MockProducer<>(
          false,
          null,
          Topics.COLLECTOR_STATUS.keySerde().serializer(),
          Topics.COLLECTOR_STATUS.valueSerde().serializer());
  private final TopicPublisher<String, CollectorHeartbeat> publisher =
      new TopicPublisher<>(Topics.COLLECTOR_STATUS, producer);

  private static CollectorHeartbeat heartbeat() {
    return new CollectorHeartbeat(1, "c1", Instant.EPOCH, Instant.EPOCH, true, 0, null, -1, 0, 0);
  }

  @Test
  void sendsToTheTopicOfTheCatalogWithTheKey() {
    publisher.publish("c1", heartbeat());
    producer.completeNext();

    assertThat(producer.history())
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.topic()).isEqualTo("argus.collector.status");
              assertThat(record.key()).isEqualTo("c1");
            });
    assertThat(publisher.failedSends()).isZero();
  }

  @Test
  void countsAFailedDeliveryInsteadOfThrowing() {
    publisher.publish("c1", heartbeat());

    producer.errorNext(new NetworkException("broker gone"));

    assertThat(publisher.failedSends()).isEqualTo(1);
  }

  @Test
  void countsASendThatFailsAtOnceInsteadOfThrowing() {
    producer.sendException =
        new org.apache.kafka.common.errors.TimeoutException("no metadata after 5000 ms");

    publisher.publish("c1", heartbeat());

    assertThat(publisher.failedSends()).isEqualTo(1);
  }

  @Test
  void closesTheProducer() {
    publisher.close();

    assertThat(producer.closed()).isTrue();
  }

  @Test
  void makesALazyProducerAtTheFirstSendOnly() {
    var made = new java.util.concurrent.atomic.AtomicInteger();
    TopicPublisher<String, CollectorHeartbeat> lazy =
        TopicPublisher.lazy(
            Topics.COLLECTOR_STATUS,
            () -> {
              made.incrementAndGet();
              return producer;
            });
    lazy.flush();
    assertThat(made).hasValue(0);

    lazy.publish("c1", heartbeat());
    lazy.publish("c1", heartbeat());
    producer.completeNext();
    producer.completeNext();

    assertThat(made).hasValue(1);
    assertThat(producer.history()).hasSize(2);
  }

  @Test
  void aLazyPublisherClosedBeforeItsFirstSendMakesNoProducerAndCountsLaterSends() {
    var made = new java.util.concurrent.atomic.AtomicInteger();
    TopicPublisher<String, CollectorHeartbeat> lazy =
        TopicPublisher.lazy(
            Topics.COLLECTOR_STATUS,
            () -> {
              made.incrementAndGet();
              return producer;
            });

    lazy.close();
    lazy.publish("c1", heartbeat());

    assertThat(made).hasValue(0);
    assertThat(lazy.failedSends()).isEqualTo(1);
  }
}
