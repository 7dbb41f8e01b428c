package dev.argus.api.power;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.RunningApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A device's host may not be cloud metadata or another refused address; the LAN is the point. */
class DeviceDestinationsIT extends RunningApiTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "nut | 169.254.169.254 | 169.254.169.254 is a cloud metadata address",
        "nut | [::ffff:169.254.169.254] | means 169.254.169.254, a cloud metadata address",
        "nut | ::ffff:169.254.169.254 | means 169.254.169.254, a cloud metadata address",
        "snmp | 2852039166 | 2852039166 means 169.254.169.254, a cloud metadata address",
        "snmp | 0xa9fea9fe | means 169.254.169.254, a cloud metadata address",
        "snmp | 0251.0376.0251.0376 | means 169.254.169.254, a cloud metadata address",
        "nut | metadata.google.internal | a cloud metadata service",
        "nut | 0.0.0.0 | 0.0.0.0 is the unspecified address",
        "snmp | fe80::1 | a link-local address",
        "snmp | 255.255.255.255 | the broadcast address",
      })
  void aDeviceAtARefusedAddressIs422NamingTheHost(String poller, String host, String reason) {
    // When
    Response created = api.send("POST", "/api/devices", device("ups-x", poller, host));

    // Then
    assertThat(created.status()).as(created.body()).isEqualTo(422);
    assertThat(created.json().get("detail").asString()).startsWith("host: ").contains(reason);
    assertThat(rows.count("SELECT count(*) FROM devices")).isZero();
    assertThat(rows.count("SELECT count(*) FROM config_outbox")).isZero();
  }

  @Test
  void anUpdateOrAReplacementToARefusedAddressIs422AndChangesNothing() {
    assertThat(api.send("POST", "/api/devices", device("ups-a", "nut", "10.0.0.1")).status())
        .isEqualTo(201);

    Response one = api.send("PUT", "/api/devices/ups-a", device("ups-a", "nut", "2852039166"));
    Response all =
        api.send(
            "PUT",
            "/api/devices",
            "["
                + device("ups-a", "nut", "10.0.0.1")
                + ", "
                + device("ups-b", "snmp", "[::ffff:a9fe:a9fe]")
                + "]");

    assertThat(one.status()).isEqualTo(422);
    assertThat(one.json().get("detail").asString())
        .startsWith("host: 2852039166 means 169.254.169.254");
    assertThat(all.status()).isEqualTo(422);
    assertThat(all.json().get("detail").asString()).contains("devices[1].host: ", "cloud metadata");
    assertThat(rows.text("SELECT host FROM devices WHERE id = 'ups-a'")).isEqualTo("10.0.0.1");
    assertThat(rows.count("SELECT count(*) FROM devices")).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"127.0.0.1", "localhost", "::1", "192.168.1.10", "172.16.5.5", "ups.lan.invalid"})
  void loopbackLanAndNotYetResolvableNamesAreAccepted(String host) {
    Response created = api.send("POST", "/api/devices", device("ups-ok", "nut", host));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  private static String device(String id, String poller, String host) {
    return "{\"id\": \""
        + id
        + "\", \"name\": \"UPS\", \"poller\": \""
        + poller
        + "\", \"host\": \""
        + host
        + "\"}";
  }
}
