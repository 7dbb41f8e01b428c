package dev.argus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.kafka.BrokerWaitSettings;
import dev.argus.contract.kafka.KafkaSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/** Against a real admin client and a port where nothing listens. */
class BrokerWaitTest {

  @Test
  void keepsTryingAnUnreachableBrokerAndStopsWhenInterrupted() throws Exception {
    // Given a wait for a broker at a closed port, with attempts of 1 s
    int port = closedPort();
    var wait =
        new BrokerWait(
            new KafkaSettings("127.0.0.1:" + port, (short) 1),
            new BrokerWaitSettings(Duration.ofSeconds(1), Duration.ofMillis(200)),
            "broker-wait-test");

    // When a thread waits for it
    AtomicReference<Throwable> ended = new AtomicReference<>();
    Thread waiting =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    wait.awaitTopics();
                    ended.set(new AssertionError("the topics cannot exist"));
                  } catch (Throwable e) {
                    ended.set(e);
                  }
                });

    // Then it is still waiting after several failed attempts, and says for what
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!wait.waitingFor().orElse("").contains("attempt 3 failed")
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(wait.waitingFor()).hasValueSatisfying(w -> assertThat(w).contains("attempt 3"));
    assertThat(waiting.isAlive()).isTrue();
    assertThat(ended.get()).isNull();
    assertThat(wait.waitingFor().orElseThrow())
        .startsWith(
            "the Kafka broker at 127.0.0.1:"
                + port
                + " (ARGUS_KAFKA_BOOTSTRAP_SERVERS) to create the topics: attempt ")
        .endsWith("next in 200 ms");

    // And an interrupt (a shutdown hook's) ends the wait
    waiting.interrupt();
    waiting.join(Duration.ofSeconds(10));
    assertThat(waiting.isAlive()).isFalse();
    assertThat(ended.get()).isInstanceOf(InterruptedException.class);
  }

  @Test
  void onlyAnUnansweredBrokerIsWaitedFor() {
    assertThat(BrokerWait.brokerUnreachable(new TimeoutException("no node"))).isTrue();
    assertThat(
            BrokerWait.brokerUnreachable(
                new IllegalStateException(
                    "x", new java.util.concurrent.ExecutionException(new TimeoutException("t")))))
        .isTrue();
    assertThat(
            BrokerWait.brokerUnreachable(
                new IllegalStateException(
                    "x",
                    new java.util.concurrent.ExecutionException(
                        new InvalidReplicationFactorException("3 > 1")))))
        .isFalse();
    assertThat(BrokerWait.brokerUnreachable(new IllegalStateException("Interrupted"))).isFalse();
  }

  private static int closedPort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
