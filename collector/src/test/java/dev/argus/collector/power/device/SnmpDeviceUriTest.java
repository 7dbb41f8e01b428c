package dev.argus.collector.power.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.collector.snmp.AuthProtocol;
import dev.argus.collector.snmp.PrivProtocol;
import dev.argus.collector.snmp.SnmpTarget;
import dev.argus.collector.snmp.SnmpVersion;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SnmpDeviceUriTest {

  @Test
  void aBareHostIsAV2cUpsWithCommunityPublicAndTheUpsMib() {
    SnmpDevice device = SnmpDeviceUri.parse("snmp://10.0.0.5", true);

    assertThat(device.id()).isEqualTo("10.0.0.5");
    assertThat(device.type()).isEqualTo("ups");
    assertThat(device.target())
        .isEqualTo(
            new SnmpTarget(
                "10.0.0.5",
                161,
                SnmpVersion.V2C,
                "public",
                null,
                null,
                null,
                null,
                null,
                Duration.ofSeconds(2),
                1));
    assertThat(device.oids().fields()).isEqualTo(SnmpOidMap.UPS_MIB);
    assertThat(device.oids().outletColumns()).isEmpty();
  }

  @Test
  void aV3UriCarriesTheUserProtocolsAndPasswords() {
    SnmpDevice device =
        SnmpDeviceUri.parse(
            "snmp://argus@ups.lan:1161?version=3&auth=sha256&auth_password=a%26b12345&priv=AES-256&priv_password=p%40ss5678"
                + "&id=ups-1&name=Hall%20UPS&timeout=500ms&retries=3",
            false);

    assertThat(device.target())
        .isEqualTo(
            new SnmpTarget(
                "ups.lan",
                1161,
                SnmpVersion.V3,
                null,
                "argus",
                AuthProtocol.SHA_256,
                "a&b12345",
                PrivProtocol.AES_256,
                "p@ss5678",
                Duration.ofMillis(500),
                3));
    assertThat(device.name()).isEqualTo("Hall UPS");
    assertThat(device.enabled()).isFalse();
    assertThat(device.target().toString()).doesNotContain("a&b12345").doesNotContain("p@ss5678");
  }

  @Test
  void oidAndOutletParametersOverrideTheDefaultsWithFactors() {
    SnmpDevice device =
        SnmpDeviceUri.parse(
            "snmp://pdu.lan?type=pdu&oid.power_watts=.1.3.6.1.4.1.318.1.1.12.1.16.0&outlet.name=1.3.6.1.4.1.318.1.1.26.9.4.3.1.3"
                + "&outlet.current=1.3.6.1.4.1.318.1.1.26.9.4.3.1.6*0.1",
            true);

    assertThat(device.oids().fields())
        .containsExactly(
            java.util.Map.entry(
                SnmpField.POWER_WATTS, new ScaledOid("1.3.6.1.4.1.318.1.1.12.1.16.0", 1)));
    assertThat(device.oids().outletColumns())
        .containsEntry(OutletColumn.CURRENT, new ScaledOid("1.3.6.1.4.1.318.1.1.26.9.4.3.1.6", 0.1))
        .containsEntry(OutletColumn.NAME, new ScaledOid("1.3.6.1.4.1.318.1.1.26.9.4.3.1.3", 1));
  }

  @Test
  void invalidEntriesAreRejectedNamingTheEntryWithSecretsMasked() {
    var entry =
        DeviceProperties.ofUri("snmp://s3cretcommunity@host?version=2c&oid.power=1.3.6.1.0");

    assertThatThrownBy(
            () -> entry.toDevice("ARGUS_COLLECTOR_DEVICES / argus.collector.devices entry 2"))
        .hasMessageStartingWith(
            "ARGUS_COLLECTOR_DEVICES / argus.collector.devices entry 2"
                + " (snmp://***@host?version=2c&oid.power=1.3.6.1.0) is invalid: unknown OID map"
                + " field 'power'")
        .message()
        .doesNotContain("s3cretcommunity");
  }

  @Test
  void v3PasswordsAreMaskedAndTheUserShown() {
    assertThat(
            SnmpDeviceUri.redact(
                "snmp://argus@h?version=3&auth=SHA&auth_password=hunter22&priv=AES&priv_password=hunter33"))
        .isEqualTo(
            "snmp://argus@h?version=3&auth=SHA&auth_password=***&priv=AES&priv_password=***");
  }

  @Test
  void v3SettingsAreValidated() {
    assertThatThrownBy(() -> SnmpDeviceUri.parse("snmp://h?version=3", true))
        .hasMessageContaining("SNMPv3 needs a security name");
    assertThatThrownBy(
            () -> SnmpDeviceUri.parse("snmp://u@h?version=3&auth=SHA&auth_password=short", true))
        .hasMessage("auth password must have at least 8 characters");
    assertThatThrownBy(
            () ->
                SnmpDeviceUri.parse("snmp://u@h?version=3&priv=AES&priv_password=longenough", true))
        .hasMessage("privacy (priv) needs authentication (auth) too");
    assertThatThrownBy(
            () ->
                SnmpDeviceUri.parse(
                    "snmp://u@h?version=3&auth=SHA-1024&auth_password=longenough", true))
        .hasMessageStartingWith("auth protocol must be one of");
    assertThatThrownBy(() -> SnmpDeviceUri.parse("snmp://h?version=4", true))
        .hasMessage("version must be 1, 2c or 3, was '4'");
  }

  @Test
  void aPduNeedsItsOids() {
    assertThatThrownBy(() -> SnmpDeviceUri.parse("snmp://h?type=pdu", true))
        .hasMessageStartingWith("a pdu has no standard MIB");
  }

  @Test
  void aYamlEntryWithPollerSnmpIsAnSnmpDevice() {
    var snmp =
        new SnmpProperties(
            "3",
            null,
            "argus",
            "SHA-256",
            "authpass123",
            null,
            null,
            null,
            null,
            java.util.Map.of("battery_percent", "1.3.6.1.4.1.99999.1.0"),
            null);
    var entry =
        new DeviceProperties(
            null, "ups-2", null, "10.0.0.9", null, null, null, null, null, null, "snmp", snmp);

    Device device = entry.toDevice("entry 1");

    assertThat(device)
        .isInstanceOfSatisfying(
            SnmpDevice.class,
            snmpDevice -> {
              assertThat(snmpDevice.target().securityName()).isEqualTo("argus");
              assertThat(snmpDevice.oids().fields().get(SnmpField.BATTERY_PERCENT))
                  .isEqualTo(new ScaledOid("1.3.6.1.4.1.99999.1.0", 1));
              assertThat(snmpDevice.oids().fields()).containsKey(SnmpField.VOLTAGE);
            });
    assertThat(entry.toString()).doesNotContain("authpass123");
  }
}
