package dev.argus.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.RunningApiTest;
import dev.argus.contract.TopicProvisioner;
import dev.argus.contract.Topics;
import dev.argus.contract.events.DerivedEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running api with alerts on: a real KRaft broker in this JVM carrying {@code argus.events}, a
 * real HTTP receiver on loopback, a bootstrap API key, and quick retries so failures show fast.
 * Tests use their own subject ids and provider names, since the consumer and the circuit breakers
 * outlive a test.
 */
abstract class AlertsApiTest extends RunningApiTest {

  static final String KEY = "alerts-admin-key-0123456789abcdefghij";
  static final EmbeddedKafkaKraftBroker KAFKA = startKafka();
  static final HttpReceiver RECEIVER = new HttpReceiver();

  @Autowired JdbcClient sql;

  @DynamicPropertySource
  static void alerts(DynamicPropertyRegistry registry) {
    registry.add("argus.alerts.enabled", () -> "true");
    registry.add("argus.kafka.bootstrap-servers", KAFKA::getBrokersAsString);
    registry.add("argus.alerts.auto-offset-reset", () -> "earliest");
    registry.add("argus.alerts.retry-initial-backoff", () -> "50ms");
    registry.add("argus.alerts.circuit-minimum-calls", () -> "2");
    registry.add("argus.alerts.circuit-open-duration", () -> "10m");
    registry.add("argus.security.api-key", () -> KEY);
    registry.add("argus.security.rate-limit-per-minute", () -> "100000");
  }

  @BeforeEach
  void emptyAlertTables() {
    sql.sql("DELETE FROM alert_deliveries").update();
    sql.sql("DELETE FROM alert_cooldowns").update();
    sql.sql("DELETE FROM alert_config").update();
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  Response putSettings(String json) {
    return api.send("PUT", "/api/alerts", json, "x-api-key", KEY);
  }

  void configure(String json) {
    Response response = putSettings(json);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  static void publish(DerivedEvent... events) {
    try (var producer = producer(Topics.EVENTS.valueSerde().serializer())) {
      for (DerivedEvent event : events) {
        producer.send(new ProducerRecord<>(Topics.EVENTS.name(), event.subjectId(), event));
      }
      producer.flush();
    }
  }

  static void publishRaw(String key, byte[] value) {
    try (var producer = producer(new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(Topics.EVENTS.name(), key, value));
      producer.flush();
    }
  }

  /** Delivery rows of one subject, oldest first. */
  List<Map<String, Object>> deliveriesOf(String subjectId) {
    return sql.sql(
            "SELECT event_id, event_type, provider, outcome, attempts, error FROM alert_deliveries"
                + " WHERE subject_id = ? ORDER BY id")
        .param(subjectId)
        .query()
        .listOfRows();
  }

  List<Map<String, Object>> awaitDeliveries(String subjectId, int count) {
    return await(
        () -> deliveriesOf(subjectId), rows -> rows.size() >= count, "deliveries of " + subjectId);
  }

  /**
   * Polls until the condition holds (or fails after a generous deadline, naming the last value).
   */
  static <T> T await(Supplier<T> value, Predicate<T> done, String what) {
    return Awaitility.await(what)
        .atMost(Duration.ofSeconds(60))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(100))
        .until(value::get, done);
  }

  private static <V> KafkaProducer<String, V> producer(
      org.apache.kafka.common.serialization.Serializer<V> values) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            KAFKA.getBrokersAsString(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        Topics.EVENTS.keySerde().serializer(),
        values);
  }

  private static EmbeddedKafkaKraftBroker startKafka() {
    var broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
      new TopicProvisioner(admin, (short) 1).ensure(List.of(Topics.EVENTS));
    }
    Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
    return broker;
  }
}
