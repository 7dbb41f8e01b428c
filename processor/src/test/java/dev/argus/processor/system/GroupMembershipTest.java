package dev.argus.processor.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.processor.streams.StreamsProperties;
import dev.argus.processor.streams.StreamsRuntimeConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The consumer-group settings as the service binds them (application.yml plus the variables), and
 * how they reach the Streams application's and the sink's consumer configuration.
 */
class GroupMembershipTest {

  private static GroupMembership bindWithEnvironment(Map<String, Object> variables)
      throws IOException {
    var environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
    new YamlPropertySourceLoader()
        .load("application.yml", new ClassPathResource("application.yml"))
        .forEach(source -> environment.getPropertySources().addLast(source));
    return Binder.get(environment).bindOrCreate("argus.kafka.group", GroupMembership.class);
  }

  @Test
  void withoutVariablesTheSessionIsTenSecondsAndMembershipDynamic() throws IOException {
    GroupMembership membership = bindWithEnvironment(Map.of());

    assertThat(membership.sessionTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(membership.instanceId()).isNull();
    assertThat(membership.consumerSettings())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_333));
  }

  @Test
  void theVariablesSetTimeoutHeartbeatAndInstanceId() throws IOException {
    GroupMembership membership =
        bindWithEnvironment(
            Map.of(
                "ARGUS_KAFKA_SESSION_TIMEOUT", "30s", "ARGUS_KAFKA_GROUP_INSTANCE_ID", "proc-a"));

    assertThat(membership.consumerSettings())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 30_000,
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 10_000,
                ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "proc-a"));
  }

  @Test
  void anEmptyInstanceIdMeansNone() throws IOException {
    GroupMembership membership = bindWithEnvironment(Map.of("ARGUS_KAFKA_GROUP_INSTANCE_ID", "  "));

    assertThat(membership.instanceId()).isNull();
    assertThat(membership.consumerSettings())
        .doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
  }

  @Test
  void aSessionTimeoutOutsideTheBrokersRangeIsRefusedNamingTheVariable() {
    for (String timeout : new String[] {"5s", "31m"}) {
      assertThatThrownBy(() -> bindWithEnvironment(Map.of("ARGUS_KAFKA_SESSION_TIMEOUT", timeout)))
          .isInstanceOf(BindException.class)
          .rootCause()
          .hasMessageContaining("ARGUS_KAFKA_SESSION_TIMEOUT")
          .hasMessageContaining("6s");
    }
  }

  @Test
  void anInstanceIdWithOtherCharactersIsRefusedNamingTheVariable() {
    assertThatThrownBy(
            () -> bindWithEnvironment(Map.of("ARGUS_KAFKA_GROUP_INSTANCE_ID", "proc a/1")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("ARGUS_KAFKA_GROUP_INSTANCE_ID")
        .hasMessageContaining("unique per processor instance");
  }

  @Test
  void theStreamsApplicationSetsThemOnItsMainConsumerOnly() {
    StreamsProperties streams =
        new StreamsProperties("argus-processor", "/tmp/unused", Duration.ofMillis(200));
    Properties props =
        StreamsRuntimeConfig.properties(
            "localhost:9",
            (short) 1,
            streams,
            new GroupMembership(Duration.ofSeconds(12), "proc-b"),
            new AtomicLong());

    var config = new StreamsConfig(props);
    // The main consumer of thread 1 as Streams builds it: instance id with the thread appended.
    Map<String, Object> main = config.getMainConsumerConfigs("argus-processor", "client", 1);
    assertThat(main)
        .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 12_000)
        .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 4_000)
        .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "proc-b-1");
    // The restore and global consumers join no group.
    assertThat(config.getRestoreConsumerConfigs("client"))
        .doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    assertThat(config.getGlobalConsumerConfigs("client"))
        .doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
  }

  @Test
  void withoutMembershipTheStreamsApplicationGetsTheDefaults() {
    StreamsProperties streams =
        new StreamsProperties("argus-processor", "/tmp/unused", Duration.ofMillis(200));
    var config =
        new StreamsConfig(
            StreamsRuntimeConfig.properties("localhost:9", (short) 1, streams, new AtomicLong()));

    assertThat(config.getMainConsumerConfigs("argus-processor", "client", 1))
        .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000)
        .doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
  }
}
