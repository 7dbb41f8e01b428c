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
}
