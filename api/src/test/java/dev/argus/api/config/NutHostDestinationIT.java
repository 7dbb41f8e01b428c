package dev.argus.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.RunningApiTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Discovery connects to {@code nut_host}, so it meets the same address rules as a device. */
class NutHostDestinationIT extends RunningApiTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "169.254.169.254 | 169.254.169.254 is a cloud metadata address",
        "[::ffff:169.254.169.254] | means 169.254.169.254, a cloud metadata address",
        "2852039166 | 2852039166 means 169.254.169.254, a cloud metadata address",
        "0xa9fea9fe | means 169.254.169.254, a cloud metadata address",
        "0251.0376.0251.0376 | means 169.254.169.254, a cloud metadata address",
        "metadata.google.internal | a cloud metadata service",
        "0.0.0.0 | 0.0.0.0 is the unspecified address",
      })
  void aRefusedNutHostIs422AndChangesNothing(String host, String reason) {
    // When
    Response put =
        api.send("PUT", "/api/config", "{\"nut_host\": \"" + host + "\", \"nut_port\": 3493}");

    // Then
    assertThat(put.status()).as(put.body()).isEqualTo(422);
    assertThat(put.json().get("detail").asString()).startsWith("nut_host: ").contains(reason);
    assertThat(rows.count("SELECT count(*) FROM runtime_config")).isZero();
    assertThat(rows.count("SELECT count(*) FROM config_outbox")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "localhost", "192.168.1.5", "nas.lan.invalid"})
  void aLanOrLoopbackNutHostIsSaved(String host) {
    Response put = api.send("PUT", "/api/config", "{\"nut_host\": \"" + host + "\"}");

    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(api.get("/api/config").json().get("nut_host").asString()).isEqualTo(host);
  }
}
