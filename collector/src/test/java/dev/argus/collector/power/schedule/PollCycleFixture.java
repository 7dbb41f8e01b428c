package dev.argus.collector.power.schedule;

import dev.argus.collector.kafka.TopicPublisher;
import dev.argus.collector.nut.NutClientSettings;
import dev.argus.collector.power.NutPowerPoller;
import dev.argus.collector.power.NutVariablesMapper;
import dev.argus.collector.power.PowerPoller;
import dev.argus.collector.power.SnmpPowerPoller;
import dev.argus.collector.power.SnmpReadingMapper;
import dev.argus.collector.power.device.NutDevice;
import dev.argus.contract.Topics;
import dev.argus.contract.power.PowerReading;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The poll cycle of the scheduler and cycle-runner tests: the real pollers against TCP servers on
 * loopback; only Kafka is replaced, by the client library's own {@link MockProducer}.
 */
final class PollCycleFixture {

  /** The answer of a NUT server with one UPS {@code sim} on line power and a full battery. */
  static final String ONE_UPS_OL =
      "BEGIN LIST VAR sim\n"
          + "VAR sim ups.status \"OL\"\n"
          + "VAR sim battery.charge \"100\"\n"
          + "END LIST VAR sim\n";

  private final MockProducer<String, PowerReading> producer =
      new MockProducer<>(
          true,
          null,
          Topics.READINGS_POWER.keySerde().serializer(),
          Topics.READINGS_POWER.valueSerde().serializer());
  private final TopicPublisher<String, PowerReading> publisher =
      new TopicPublisher<>(Topics.READINGS_POWER, producer);

  static NutDevice device(String id, String host, int port, String ups, boolean enabled) {
    return NutDevice.of(id, null, host, port, ups, null, null, null, enabled);
  }

  PollCycleRunner runner(Duration readTimeout, Duration deadline) {
    var poller =
        new PowerPoller(
            new NutPowerPoller(
                NutClientSettings.withTimeouts(Duration.ofMillis(500), readTimeout),
                new NutVariablesMapper(),
                "collector-1",
                60,
                Clock.systemUTC()),
            new SnmpPowerPoller(new SnmpReadingMapper(), "collector-1", 60, Clock.systemUTC()));
    return new PollCycleRunner(poller, publisher, deadline, Clock.systemUTC());
  }

  MockProducer<String, PowerReading> producer() {
    return producer;
  }

  TopicPublisher<String, PowerReading> publisher() {
    return publisher;
  }

  List<PowerReading> published() {
    return producer.history().stream().map(ProducerRecord::value).toList();
  }
}
