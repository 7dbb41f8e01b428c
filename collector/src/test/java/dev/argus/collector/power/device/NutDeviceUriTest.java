package dev.argus.collector.power.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NutDeviceUriTest {

  @Test
  void readsEveryPart() {
    NutDevice device =
        NutDeviceUri.parse(
            "nut://monitor:s3cret@10.0.0.5:3494/rack1?id=ups-rack1&name=Rack%201%20UPS&type=pdu",
            true);

    assertThat(device)
        .isEqualTo(
            new NutDevice(
                "ups-rack1",
                "Rack 1 UPS",
                "10.0.0.5",
                3494,
                "rack1",
                "monitor",
                "s3cret",
                "pdu",
                true));
  }

  @Test
  void appliesDefaultsToAHostOnly() {
    NutDevice device = NutDeviceUri.parse("nut://nut.example.org", true);

    assertThat(device.host()).isEqualTo("nut.example.org");
    assertThat(device.port()).isEqualTo(3493);
    assertThat(device.ups()).isNull();
    assertThat(device.discoversUps()).isTrue();
    assertThat(device.id()).isEqualTo("nut.example.org");
    assertThat(device.idFor("sim")).isEqualTo("nut.example.org-sim");
    assertThat(device.type()).isEqualTo("ups");
    assertThat(device.username()).isNull();
    assertThat(device.password()).isNull();
  }

  @Test
  void derivesTheIdFromHostAndUpsName() {
    assertThat(NutDeviceUri.parse("nut://10.0.0.5/sim", true).id()).isEqualTo("10.0.0.5-sim");
  }

  @Test
  void usesTheConfiguredIdAsPrefixOfDiscoveredUpses() {
    NutDevice device = NutDeviceUri.parse("nut://10.0.0.5?id=closet", true);

    assertThat(device.idFor("ups2")).isEqualTo("closet-ups2");
  }

  @Test
  void decodesPercentEscapesInCredentialsAndKeepsPlusSigns() {
    NutDevice device = NutDeviceUri.parse("nut://mon%40site:p%3Ass+w%2Fd@host/sim", true);

    assertThat(device.username()).isEqualTo("mon@site");
    assertThat(device.password()).isEqualTo("p:ss+w/d");
  }

  @Test
  void readsAnIpv6Host() {
    NutDevice device = NutDeviceUri.parse("nut://[::1]:3493/sim?id=local", true);

    assertThat(device.host()).isEqualTo("::1");
  }

  @Test
  void acceptsAUserWithoutPassword() {
    NutDevice device = NutDeviceUri.parse("nut://monitor@host/sim", true);

    assertThat(device.username()).isEqualTo("monitor");
    assertThat(device.password()).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://host/sim | the scheme must be nut://",
        "host/sim | the scheme must be nut://",
        "nut:///sim | the host is missing",
        "nut://host:0/sim | port must be between 1 and 65535",
        "nut://host:70000/sim | port must be between 1 and 65535",
        "nut://host/a/b | the path must be a single UPS name",
        "nut://host/sim?colour=red | unknown parameter 'colour'",
        "nut://host/sim?id=a&id=b | parameter 'id' is given twice",
        "nut://host/sim?id=has space | Illegal character",
        "nut://host/sim?id=a%2Fb | id must be 1-200 characters",
        "nut://host/sim?type=printer | type must be one of",
        "nut://:secret@host/sim | a password needs a username",
        "nut://host/sim#x | fragment is not allowed",
      })
  void refusesInvalidUrisWithAReason(String uri, String reason) {
    assertThatThrownBy(() -> NutDeviceUri.parse(uri, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void neverPutsThePasswordIntoAnErrorMessage() {
    assertThatThrownBy(() -> NutDeviceUri.parse("nut://u:top%zzsecret@host/sim", true))
        .hasMessageNotContaining("secret")
        .hasNoCause();
    assertThatThrownBy(() -> NutDeviceUri.parse("nut://u:topsecret@ho st/sim", true))
        .hasMessageNotContaining("topsecret")
        .hasNoCause();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "nut://u:secret@host/sim | nut://u:***@host/sim",
        "nut://u:se:cr@et@host/sim | nut://u:***@host/sim",
        "nut://u@host/sim | nut://u@host/sim",
        "nut://host:3493/sim | nut://host:3493/sim",
        "garbage | garbage",
      })
  void redactsThePassword(String uri, String shown) {
    assertThat(NutDeviceUri.redact(uri)).isEqualTo(shown);
  }
}
