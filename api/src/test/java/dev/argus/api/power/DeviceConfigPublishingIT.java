package dev.argus.api.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.KafkaApiTest;
import dev.argus.contract.Topics;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.secrets.SecretContext;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/**
 * Device writes over HTTP reach argus.config through the outbox relay and a real broker: a record
 * per change, a tombstone per deletion, credentials encrypted for the collectors and never in an
 * HTTP answer.
 */
class DeviceConfigPublishingIT extends KafkaApiTest {

  /** The community of a published device: an envelope, bound to the device, decrypted here. */
  private String community(ConfigEntry published, String deviceId) {
    String envelope = (String) published.device().connectionConfig().get("community");
    assertThat(envelope).startsWith("enc:v1:test:").doesNotContain("s3cret");
    return secrets.decrypt(envelope, SecretContext.deviceField(deviceId, "community"));
  }

  private static final String PDU =
      """
      {"id": "pdu-rack1", "name": "Rack 1 PDU", "type": "pdu", "poller": "snmp",
       "host": "192.168.1.20", "port": 161, "enabled": true, "collector_id": "site-2",
       "connection_config": {"community": "s3cret-community", "version": "2c"}}
      """;

  @Test
  void createdDeviceIsPublishedWithItsCredentialsAndAnsweredWithout() throws Exception {
    // When
    Response created = api.send("POST", "/api/devices", PDU);

    // Then: 201 with the device, credentials removed
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/api/devices/pdu-rack1");
    JSONAssert.assertEquals(
        """
        {"id": "pdu-rack1", "name": "Rack 1 PDU", "type": "pdu", "poller": "snmp",
         "host": "192.168.1.20", "port": 161, "enabled": true,
         "connection_config": {"version": "2c"}, "last_seen": null, "collector_id": "site-2"}
        """,
        created.body(),
        JSONCompareMode.LENIENT);
    assertThat(created.body()).doesNotContain("s3cret-community");
    assertThat(api.get("/api/devices/pdu-rack1").body()).doesNotContain("s3cret-community");

    // And: the collectors get the full device on argus.config, and the outbox is emptied
    ConfigEntry published = latest("device/pdu-rack1", entry -> entry != null);
    assertThat(published.device().connectionConfig()).containsEntry("version", "2c");
    assertThat(community(published, "pdu-rack1")).isEqualTo("s3cret-community");
    assertThat(
            rows.count(
                "SELECT count(*) FROM devices WHERE connection_config::text LIKE"
                    + " '%s3cret-community%'"))
        .isZero();
    assertThat(published.device().poller()).isEqualTo("snmp");
    assertThat(published.device().collectorId()).isEqualTo("site-2");
    awaitEmptyOutbox();
  }

  @Test
  void duplicateIdIs409AndNothingMoreIsQueued() throws Exception {
    assertThat(api.send("POST", "/api/devices", PDU).status()).isEqualTo(201);
    awaitEmptyOutbox();

    Response duplicate = api.send("POST", "/api/devices", PDU);

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().get("detail").asString())
        .isEqualTo("Device 'pdu-rack1' already exists");
    assertThat(rows.count("SELECT count(*) FROM config_outbox")).isZero();
  }

  @Test
  void updateKeepsCredentialsTheClientDidNotResendAndDeleteTombstones() throws Exception {
    // Given
    api.send("POST", "/api/devices", PDU.replace("pdu-rack1", "pdu-upd"));

    // When: the client puts back what GET showed it, with a new name
    Response updated =
        api.send(
            "PUT",
            "/api/devices/pdu-upd",
            """
            {"name": "Renamed PDU", "type": "pdu", "poller": "snmp", "host": "192.168.1.21",
             "connection_config": {"version": "2c"}}
            """);

    // Then
    assertThat(updated.status()).isEqualTo(200);
    JSONAssert.assertEquals(
        "{\"name\": \"Renamed PDU\", \"port\": 161, \"connection_config\": {\"version\": \"2c\"}}",
        updated.body(),
        JSONCompareMode.LENIENT);
    ConfigEntry renamed =
        latest(
            "device/pdu-upd",
            entry -> entry != null && entry.device().name().equals("Renamed PDU"));
    assertThat(community(renamed, "pdu-upd")).isEqualTo("s3cret-community");
    assertThat(renamed.device().host()).isEqualTo("192.168.1.21");

    // When: deleted
    Response deleted = api.send("DELETE", "/api/devices/pdu-upd");

    // Then: 204, gone, and a tombstone follows the update on the topic
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(api.get("/api/devices/pdu-upd").status()).isEqualTo(404);
    List<ConsumerRecord<String, byte[]>> records =
        readUntil(
            Topics.CONFIG.name(),
            r ->
                lastOf(r, "device/pdu-upd") != null && lastOf(r, "device/pdu-upd").value() == null);
    assertThat(lastOf(records, "device/pdu-upd").value()).isNull();
  }

  @Test
  void unknownDevicesAre404ForUpdateAndDelete() {
    Response update =
        api.send("PUT", "/api/devices/ups-none", "{\"name\": \"X\", \"host\": \"10.0.0.1\"}");
    Response delete = api.send("DELETE", "/api/devices/ups-none");

    assertThat(update.status()).isEqualTo(404);
    assertThat(delete.status()).isEqualTo(404);
    assertThat(delete.json().get("detail").asString()).isEqualTo("Device 'ups-none' not found");
  }

  @Test
  void replacingAllDevicesDeletesTheUnlistedOnesInOneGo() throws Exception {
    // Given: two devices, one of which the sink has seen
    api.send(
        "POST",
        "/api/devices",
        "{\"id\": \"ups-keep\", \"name\": \"Keep\", \"host\": \"10.0.0.1\"}");
    api.send(
        "POST",
        "/api/devices",
        "{\"id\": \"ups-drop\", \"name\": \"Drop\", \"host\": \"10.0.0.2\"}");
    rows.execute(
        "UPDATE devices SET model = 'SmartUPS', last_seen = '2026-05-27T10:00:00Z' WHERE id ="
            + " 'ups-keep'");

    // When
    Response replaced =
        api.send(
            "PUT",
            "/api/devices",
            """
            [{"id": "ups-keep", "name": "Kept", "host": "10.0.0.1"},
             {"id": "ups-new", "name": "New", "host": "10.0.0.3", "poller": "snmp"}]
            """);

    // Then: the list is exactly the replacement; poll-derived columns survive
    assertThat(replaced.status()).isEqualTo(200);
    JSONAssert.assertEquals(
        """
        [{"id": "ups-keep", "name": "Kept", "port": 3493, "model": "SmartUPS",
          "last_seen": "2026-05-27T10:00:00Z"},
         {"id": "ups-new", "name": "New", "poller": "snmp", "port": 161}]
        """,
        replaced.body(),
        JSONCompareMode.LENIENT);
    assertThat(replaced.json().size()).isEqualTo(2);
    List<ConsumerRecord<String, byte[]>> records =
        readUntil(
            Topics.CONFIG.name(),
            r ->
                lastOf(r, "device/ups-new") != null
                    && lastOf(r, "device/ups-drop") != null
                    && lastOf(r, "device/ups-drop").value() == null);
    assertThat(entry(lastOf(records, "device/ups-keep")).device().name()).isEqualTo("Kept");
    assertThat(entry(lastOf(records, "device/ups-new")).device().port()).isEqualTo(161);
    assertThat(lastOf(records, "device/ups-drop").value()).isNull();
  }

  @Test
  void invalidReplacementChangesNothing() {
    api.send(
        "POST", "/api/devices", "{\"id\": \"ups-a\", \"name\": \"A\", \"host\": \"10.0.0.1\"}");

    Response rejected =
        api.send("PUT", "/api/devices", "[{\"id\": \"ups-b\", \"name\": \"B\", \"port\": 0}]");

    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.json().get("detail").asString())
        .isEqualTo(
            "devices[0].host is required; devices[0].port must be between 1 and 65535, got 0");
    assertThat(rows.count("SELECT count(*) FROM devices WHERE id = 'ups-a'")).isEqualTo(1);
  }

  private ConfigEntry latest(String key, java.util.function.Predicate<ConfigEntry> wanted) {
    List<ConsumerRecord<String, byte[]>> records =
        readUntil(
            Topics.CONFIG.name(),
            r -> lastOf(r, key) != null && wanted.test(entry(lastOf(r, key))));
    ConsumerRecord<String, byte[]> last = lastOf(records, key);
    assertThat(last).as("a record under %s on argus.config", key).isNotNull();
    return entry(last);
  }

  private static ConsumerRecord<String, byte[]> lastOf(
      List<ConsumerRecord<String, byte[]>> records, String key) {
    ConsumerRecord<String, byte[]> last = null;
    for (var record : records) {
      if (Objects.equals(record.key(), key)) {
        last = record;
      }
    }
    return last;
  }

  private static ConfigEntry entry(ConsumerRecord<String, byte[]> record) {
    return record.value() == null
        ? null
        : Topics.CONFIG
            .valueSerde()
            .deserializer()
            .deserialize(Topics.CONFIG.name(), record.value());
  }

  private void awaitEmptyOutbox() {
    await("the relay to empty config_outbox")
        .atMost(Duration.ofSeconds(30))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () ->
                assertThat(rows.count("SELECT count(*) FROM config_outbox"))
                    .as("queued config rows")
                    .isZero());
  }
}
