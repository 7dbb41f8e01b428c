package dev.argus.collector.system;

import dev.argus.collector.kafka.KafkaClients;
import dev.argus.collector.kafka.KafkaSettings;
import dev.argus.collector.kafka.TopicPublisher;
import dev.argus.collector.nut.NutClientSettings;
import dev.argus.collector.power.NutPowerPoller;
import dev.argus.collector.power.NutVariablesMapper;
import dev.argus.collector.power.PowerPoller;
import dev.argus.collector.power.SnmpPowerPoller;
import dev.argus.collector.power.SnmpReadingMapper;
import dev.argus.collector.probe.ProbeScheduler;
import dev.argus.collector.probe.ProbeSettings;
import dev.argus.collector.probe.TargetProber;
import dev.argus.collector.schedule.PollScheduler;
import dev.argus.collector.status.HeartbeatPublisher;
import dev.argus.contract.Topics;
import dev.argus.contract.collector.CollectorHeartbeat;
import dev.argus.contract.power.PowerReading;
import dev.argus.contract.probe.ProbeResult;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Wires the collector: Kafka clients (topics are created before the first producer), the NUT
 * and SNMP pollers, the poll scheduler, the uptime-target probes and the heartbeat. On shutdown Spring stops the scheduler,
 * then the heartbeat, then closes the producers, which delivers what they still buffer.
 */
@Configuration(proxyBeanMethods = false)
@Import(CollectorSettingsConfiguration.class)
class CollectorConfiguration {

  private static final Logger log = LoggerFactory.getLogger(CollectorConfiguration.class);

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  KafkaClients kafkaClients(KafkaSettings kafka, CollectorProperties collector) {
    log.info("Collector {} publishing to Kafka at {}", collector.collectorId(), kafka.bootstrapServers());
    var clients = new KafkaClients(kafka, collector.collectorId());
    clients.provisionTopics();
    return clients;
  }

  @Bean(destroyMethod = "close")
  TopicPublisher<String, PowerReading> readingPublisher(KafkaClients clients) {
    return clients.publisher(Topics.READINGS_POWER);
  }

  @Bean(destroyMethod = "close")
  TopicPublisher<String, CollectorHeartbeat> heartbeatPublisher(KafkaClients clients) {
    return clients.publisher(Topics.COLLECTOR_STATUS);
  }

  @Bean(destroyMethod = "close")
  TopicPublisher<String, ProbeResult> probeResultPublisher(KafkaClients clients) {
    return clients.publisher(Topics.READINGS_PROBE);
  }

  /** Targets arrive through {@link ProbeScheduler#targetsChanged}, from the config topic. */
  @Bean
  ProbeScheduler probeScheduler(
      CollectorProperties collector,
      ProbeSettings probes,
      TopicPublisher<String, ProbeResult> probeResultPublisher,
      Clock clock) {
    return new ProbeScheduler(
        TargetProber.create(probes, collector.collectorId(), clock),
        result -> probeResultPublisher.publish(result.key(), result),
        probes.maxInFlight());
  }

  @Bean
  PowerPoller powerPoller(CollectorProperties collector, Clock clock) {
    return new PowerPoller(
        new NutPowerPoller(
            NutClientSettings.withTimeouts(collector.connectTimeout(), collector.readTimeout()),
            new NutVariablesMapper(),
            collector.collectorId(),
            collector.pollInterval().toSeconds(),
            clock),
        new SnmpPowerPoller(
            new SnmpReadingMapper(), collector.collectorId(), collector.pollInterval().toSeconds(), clock));
  }

  @Bean
  PollScheduler pollScheduler(
      CollectorProperties collector,
      PowerPoller poller,
      TopicPublisher<String, PowerReading> readingPublisher,
      Clock clock) {
    collector.configuredDevices().forEach(device -> log.info("Configured {}", device));
    return new PollScheduler(
        collector.configuredDevices(),
        poller,
        readingPublisher,
        collector.pollInterval(),
        collector.pollDeadline(),
        clock);
  }

  @Bean
  HeartbeatPublisher heartbeats(
      CollectorProperties collector,
      PollScheduler scheduler,
      TopicPublisher<String, CollectorHeartbeat> heartbeatPublisher,
      Clock clock) {
    return new HeartbeatPublisher(
        collector.collectorId(), scheduler, heartbeatPublisher, collector.heartbeatInterval(), clock);
  }
}
