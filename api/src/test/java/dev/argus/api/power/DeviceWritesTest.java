package dev.argus.api.power;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an update's connection_config is merged with the stored credentials. */
class DeviceWritesTest {

  @Test
  void storedCredentialsSurviveAnUpdateThatLeavesThemOut() {
    Map<String, Object> merged =
        DeviceWrites.merged(
            Map.of("version", "2c", "timeout_ms", 500),
            Map.of("version", "1", "community", "private", "oids", Map.of()));

    assertThat(merged)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("version", "2c", "timeout_ms", 500, "community", "private"));
  }

  @Test
  void aNullCredentialRemovesItAndANewOneReplacesIt() {
    Map<String, Object> requested = new HashMap<>();
    requested.put("password", null);
    requested.put("auth_password", "new");

    Map<String, Object> merged =
        DeviceWrites.merged(requested, Map.of("password", "old", "auth_password", "old"));

    assertThat(merged).containsExactlyInAnyOrderEntriesOf(Map.of("auth_password", "new"));
  }
}
