package dev.argus.collector.power.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.collector.snmp.AuthProtocol;
import dev.argus.collector.snmp.PrivProtocol;
import dev.argus.collector.snmp.SnmpVersion;
import dev.argus.contract.config.DeviceConfig;
import dev.argus.contract.secrets.SecretCipher;
import dev.argus.contract.secrets.SecretContext;
import dev.argus.contract.secrets.SecretKeyring;
import dev.argus.contract.testing.TestSecrets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceConfigMapperTest {

  private final DeviceConfigMapper mapper = new DeviceConfigMapper(TestSecrets.CIPHER);

  private static DeviceConfig device(
      String poller, String type, Integer port, Map<String, Object> connection) {
    return new DeviceConfig(
        "dev-1", "Device 1", type, poller, "10.0.0.5", port, true, connection, null);
  }

  @Test
  void mapsANutDeviceWithItsUpsAndCredentials() {
    var device =
        mapper.toDevice(
            device(
                "nut",
                "ups",
                null,
                Map.of("ups", "rack1", "username", "monitor", "password", "s3cret")));

    assertThat(device)
        .isEqualTo(
            new NutDevice(
                "dev-1", "Device 1", "10.0.0.5", 3493, "rack1", "monitor", "s3cret", "ups", true));
  }

  @Test
  void decryptsTheCredentialsTheApiPublishesEncrypted() {
    String password =
        TestSecrets.CIPHER.encrypt("s3cret", SecretContext.deviceField("dev-1", "password"));
    String community =
        TestSecrets.CIPHER.encrypt("c0mmunity", SecretContext.deviceField("dev-1", "Community"));

    var nut =
        mapper.toDevice(
            device(
                "nut",
                "ups",
                null,
                Map.of("ups", "rack1", "username", "monitor", "password", password)));
    var snmp =
        (SnmpDevice) mapper.toDevice(device("snmp", "ups", null, Map.of("Community", community)));

    assertThat(nut)
        .isEqualTo(
            new NutDevice(
                "dev-1", "Device 1", "10.0.0.5", 3493, "rack1", "monitor", "s3cret", "ups", true));
    assertThat(snmp.target().community()).isEqualTo("c0mmunity");
  }

  @Test
  void aCredentialThatCannotBeDecryptedMakesTheDeviceUnmappableWithoutShowingIt() {
    String otherDevices =
        TestSecrets.CIPHER.encrypt("s3cret", SecretContext.deviceField("dev-2", "password"));
    String otherKeys =
        new SecretCipher(
                SecretKeyring.parse("retired:" + "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE="))
            .encrypt("s3cret", SecretContext.deviceField("dev-1", "password"));

    assertThatThrownBy(
            () -> mapper.toDevice(device("nut", "ups", null, Map.of("password", otherDevices))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connection_config credentials")
        .hasMessageContaining("belongs to another field")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(
            () -> mapper.toDevice(device("nut", "ups", null, Map.of("password", otherKeys))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key 'retired'")
        .hasMessageContaining("ARGUS_SECRET_KEY");
  }

  @Test
  void aDeviceWithoutPollerIsANutDeviceWhoseUpsesAreDiscoveredWithoutAUpsName() {
    var device = (NutDevice) mapper.toDevice(device(null, null, 3494, Map.of()));

    assertThat(device.discoversUps()).isTrue();
    assertThat(device.port()).isEqualTo(3494);
    assertThat(device.type()).isEqualTo("ups");
  }

  @Test
  void mapsAnSnmpV3PduWithItsCredentialsOidsAndOutletTable() {
    // Given settings as the api stores them (snake_case, numbers as JSON numbers)
    Map<String, Object> connection =
        Map.of(
            "version", "3",
            "security_name", "argus",
            "auth_protocol", "SHA-256",
            "auth_password", "authpass123",
            "priv", "AES",
            "priv_password", "privpass1234",
            "timeout", 1.5,
            "retries", 2,
            "oids", Map.of("power_watts", "1.3.6.1.4.1.318.1.1.12.1.16.0"),
            "outlet-table",
                Map.of(
                    "power",
                    "1.3.6.1.4.1.318.1.1.26.9.4.3.1.7",
                    "current",
                    "1.3.6.1.4.1.318.1.1.26.9.4.3.1.6*0.1"));

    // When
    var device = (SnmpDevice) mapper.toDevice(device("snmp", "pdu", null, connection));

    // Then
    assertThat(device.id()).isEqualTo("dev-1");
    assertThat(device.type()).isEqualTo("pdu");
    assertThat(device.port()).isEqualTo(161);
    assertThat(device.target().version()).isEqualTo(SnmpVersion.V3);
    assertThat(device.target().securityName()).isEqualTo("argus");
    assertThat(device.target().authProtocol()).isEqualTo(AuthProtocol.parse("SHA-256"));
    assertThat(device.target().privProtocol()).isEqualTo(PrivProtocol.parse("AES"));
    assertThat(device.target().timeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(device.target().retries()).isEqualTo(2);
    assertThat(device.oids().fields()).containsKey(SnmpField.POWER_WATTS);
    assertThat(device.oids().outletColumns())
        .containsKeys(OutletColumn.POWER, OutletColumn.CURRENT);
  }

  @Test
  void anSnmpV2cDeviceDefaultsToTheUpsMib() {
    var device =
        (SnmpDevice)
            mapper.toDevice(
                device("snmp", null, 1161, Map.of("community", "private", "timeout", "500ms")));

    assertThat(device.target().version()).isEqualTo(SnmpVersion.V2C);
    assertThat(device.target().community()).isEqualTo("private");
    assertThat(device.target().timeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(device.oids().fields()).containsKey(SnmpField.BATTERY_PERCENT);
  }

  @Test
  void refusesWhatCannotBePolledSayingWhyWithoutQuotingSecrets() {
    assertThatThrownBy(
            () -> mapper.toDevice(device("snmp", null, null, Map.of("comunity", "topsecret"))))
        .hasMessageContaining("[comunity]")
        .hasMessageContaining("known: auth, auth_password")
        .hasMessageNotContaining("topsecret");
    assertThatThrownBy(
            () -> mapper.toDevice(device("nut", null, null, Map.of("community", "public"))))
        .hasMessageContaining("a nut device does not know");
    assertThatThrownBy(() -> mapper.toDevice(device("modbus", null, null, Map.of())))
        .hasMessage("poller must be nut or snmp, was 'modbus'");
    assertThatThrownBy(() -> mapper.toDevice(device("nut", null, 70000, Map.of())))
        .hasMessage("port must be between 1 and 65535, was 70000");
    assertThatThrownBy(() -> mapper.toDevice(device("snmp", "pdu", null, Map.of())))
        .hasMessageContaining("a pdu has no standard MIB");
    assertThatThrownBy(
            () ->
                mapper.toDevice(
                    device("snmp", null, null, Map.of("version", "3", "auth_password", "short"))))
        .hasMessageNotContaining("short'");
    assertThatThrownBy(
            () ->
                mapper.toDevice(
                    device("snmp", null, null, Map.of("auth", "SHA", "auth_protocol", "MD5"))))
        .hasMessageContaining("both auth_protocol and auth");
    assertThatThrownBy(() -> mapper.toDevice(device("snmp", null, null, Map.of("oids", "1.3.6"))))
        .hasMessageContaining("connection_config.oids must be a map");
  }
}
