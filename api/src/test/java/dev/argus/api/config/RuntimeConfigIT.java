package dev.argus.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.KafkaApiTest;
import dev.argus.contract.Topics;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.config.RuntimeConfig;
import dev.argus.contract.secrets.SecretContext;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/** GET/PUT /api/config against PostgreSQL, published to argus.config through a real broker. */
class RuntimeConfigIT extends KafkaApiTest {

  @Test
  void defaultsUntilTheFirstUpdate() throws Exception {
    Response response = api.get("/api/config");

    assertThat(response.status()).isEqualTo(200);
    JSONAssert.assertEquals(
        """
        {"poll_interval_minutes": 5, "enabled_exporters": ["postgres", "energy"],
         "scanning_disabled": false, "scheduler_paused": false, "nut_host": null,
         "nut_port": 3493, "nut_username": null, "nut_password_set": false,
         "device_offline_missed_polls": null, "shutdown_battery_floor_pct": null,
         "load_limit_pct": null, "temperature_limit_c": null}
        """,
        response.body(),
        JSONCompareMode.STRICT);
  }

  @Test
  void roundTripNeverShowsThePasswordAndPublishesTheSettings() throws Exception {
    // When: the seed's body plus a NUT login and a threshold
    Response put =
        api.send(
            "PUT",
            "/api/config",
            """
            {"poll_interval_minutes": 10, "enabled_exporters": ["sqlite", "prometheus"],
             "scanning_disabled": false, "scheduler_paused": true, "nut_host": "192.168.1.10",
             "nut_port": 3493, "nut_username": "monitor", "nut_password": "nut-s3cret",
             "load_limit_pct": 85}
            """);

    // Then
    assertThat(put.status()).isEqualTo(200);
    String expected =
        """
        {"poll_interval_minutes": 10, "enabled_exporters": ["postgres", "prometheus"],
         "scheduler_paused": true, "nut_host": "192.168.1.10", "nut_username": "monitor",
         "nut_password_set": true, "load_limit_pct": 85.0}
        """;
    JSONAssert.assertEquals(expected, put.body(), JSONCompareMode.LENIENT);
    Response get = api.get("/api/config");
    JSONAssert.assertEquals(expected, get.body(), JSONCompareMode.LENIENT);
    assertThat(put.body() + get.body())
        .doesNotContain("nut-s3cret")
        .doesNotContain("\"nut_password\"");

    // And: a later update without the password keeps it
    Response later = api.send("PUT", "/api/config", "{\"poll_interval_minutes\": 15}");
    assertThat(later.json().get("nut_password_set").asBoolean()).isTrue();

    RuntimeConfig published = latestRuntime(config -> config.pollIntervalMinutes() == 15);
    // And: the password travels and rests encrypted, bound to its field
    assertThat(published.nutPassword()).startsWith("enc:v1:test:");
    assertThat(secrets.decrypt(published.nutPassword(), SecretContext.runtimeField("nut_password")))
        .isEqualTo("nut-s3cret");
    assertThat(
            rows.count(
                "SELECT count(*) FROM runtime_config WHERE config::text LIKE '%nut-s3cret%'"))
        .isZero();
    assertThat(published.schedulerPaused()).isTrue();
    assertThat(published.enabledExporters()).containsExactly("postgres", "prometheus");
    assertThat(published.loadLimitPct()).isEqualTo(85.0);
  }

  @Test
  void invalidSettingsAre422AndChangeNothing() throws Exception {
    Response interval = api.send("PUT", "/api/config", "{\"poll_interval_minutes\": 10081}");
    Response exporter = api.send("PUT", "/api/config", "{\"enabled_exporters\": [\"influxdb\"]}");
    Response notAnObject = api.send("PUT", "/api/config", "[]");

    assertThat(interval.status()).isEqualTo(422);
    JSONAssert.assertEquals(
        "{\"detail\": \"poll_interval_minutes must be an integer between 1 and 10080, got 10081\"}",
        interval.body(),
        JSONCompareMode.STRICT);
    assertThat(exporter.status()).isEqualTo(422);
    assertThat(exporter.json().get("detail").asString())
        .isEqualTo(
            "enabled_exporters may hold postgres, energy, prometheus (sqlite means postgres),"
                + " got \"influxdb\"");
    assertThat(notAnObject.status()).isEqualTo(422);
    assertThat(rows.count("SELECT count(*) FROM runtime_config")).isZero();
    assertThat(rows.count("SELECT count(*) FROM config_outbox")).isZero();
  }

  private static RuntimeConfig latestRuntime(java.util.function.Predicate<RuntimeConfig> wanted) {
    List<ConsumerRecord<String, byte[]>> records =
        readUntil(
            Topics.CONFIG.name(),
            r -> r.stream().anyMatch(record -> isRuntime(record) && wanted.test(runtime(record))));
    return records.stream()
        .filter(RuntimeConfigIT::isRuntime)
        .map(RuntimeConfigIT::runtime)
        .filter(wanted)
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("no matching runtime record on argus.config"));
  }

  private static boolean isRuntime(ConsumerRecord<String, byte[]> record) {
    return ConfigKeys.RUNTIME.equals(record.key()) && record.value() != null;
  }

  private static RuntimeConfig runtime(ConsumerRecord<String, byte[]> record) {
    ConfigEntry entry =
        Topics.CONFIG.valueSerde().deserializer().deserialize(Topics.CONFIG.name(), record.value());
    return entry.runtime();
  }
}
