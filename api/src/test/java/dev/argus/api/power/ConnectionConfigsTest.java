package dev.argus.api.power;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionConfigsTest {

  @Test
  void dropsCredentialKeysAndKeepsTheRest() {
    // Given: a NUT and an SNMPv3 configuration as the seed's devices carry them
    Map<String, Object> config =
        Map.of(
            "ups_name", "sim",
            "username", "monitor",
            "password", "hunter2",
            "community", "public",
            "auth_protocol", "SHA",
            "auth_password", "a-secret",
            "priv_password", "p-secret",
            "timeout_seconds", 5);

    // When
    Map<String, Object> safe = ConnectionConfigs.withoutSecrets(config);

    // Then
    assertThat(safe)
        .containsOnlyKeys("ups_name", "username", "auth_protocol", "timeout_seconds")
        .containsEntry("timeout_seconds", 5);
  }

  @Test
  void dropsCredentialsAtAnyDepthAndInAnyCase() {
    // Given
    Map<String, Object> config =
        Map.of(
            "snmp", Map.of("Write_Community", "private", "version", "2c"),
            "outlets", List.of(Map.of("API_KEY", "k", "index", 1)));

    // When
    Map<String, Object> safe = ConnectionConfigs.withoutSecrets(config);

    // Then
    assertThat(safe)
        .isEqualTo(Map.of("snmp", Map.of("version", "2c"), "outlets", List.of(Map.of("index", 1))));
  }

  @Test
  void mapsEachTopLevelCredentialAsTextWithItsDeviceAndKey() {
    // Given
    Map<String, Object> config = new java.util.LinkedHashMap<>();
    config.put("version", "2c");
    config.put("Community", 12345);
    config.put("password", null);
    config.put("auth_password", Map.of("nested", "x"));
    config.put("oids", Map.of("power_watts", "1.3.6.1.0"));

    // When: every credential is "encrypted" by naming its context
    Map<String, Object> mapped =
        ConnectionConfigs.mapSecrets("pdu-1", config, (secret, context) -> context + "=" + secret);

    // Then: numbers become their text, structures their JSON, nulls and other keys stay
    assertThat(mapped)
        .containsEntry("version", "2c")
        .containsEntry("Community", "device:pdu-1:Community=12345")
        .containsEntry("password", null)
        .containsEntry("auth_password", "device:pdu-1:auth_password={\"nested\":\"x\"}")
        .containsEntry("oids", Map.of("power_watts", "1.3.6.1.0"));
  }
}
