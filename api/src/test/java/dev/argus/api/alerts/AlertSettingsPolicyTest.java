package dev.argus.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertSettingsPolicyTest {

  private static final AlertSettings STORED =
      new AlertSettings(
          List.of(
              new AlertProvider.Webhook(
                  "hook",
                  true,
                  "low",
                  "http://127.0.0.1/h",
                  Map.of("X-Api-Key", "old-key", "X-Team", "ops")),
              new AlertProvider.Ntfy("ntfy", true, "low", "http://127.0.0.1", "t", "old-token")),
          15,
          true);

  @Test
  void maskKeepsTheStoredSecretAndAnEmptyStringClearsIt() {
    AlertSettings requested =
        new AlertSettings(
            List.of(
                new AlertProvider.Webhook(
                    "hook",
                    null,
                    null,
                    "http://127.0.0.1/h",
                    Map.of("X-Api-Key", AlertSettingsPolicy.MASK, "X-Team", "dev")),
                new AlertProvider.Ntfy("ntfy", false, "high", "http://127.0.0.1/", "t", "")),
            null,
            null);

    AlertSettings accepted = AlertSettingsPolicy.accept(requested, STORED);

    var hook = (AlertProvider.Webhook) accepted.providers().get(0);
    var ntfy = (AlertProvider.Ntfy) accepted.providers().get(1);
    assertThat(hook.headers()).containsEntry("X-Api-Key", "old-key").containsEntry("X-Team", "dev");
    assertThat(hook.enabled()).isTrue();
    assertThat(ntfy.token()).isNull();
    assertThat(ntfy.serverUrl()).isEqualTo("http://127.0.0.1");
    assertThat(accepted.cooldownMinutes()).isEqualTo(AlertSettings.DEFAULT_COOLDOWN_MINUTES);
    assertThat(accepted.sendRecovery()).isTrue();
  }

  @Test
  void aSecretIsNotCarriedToAProviderOfAnotherType() {
    AlertSettings requested =
        new AlertSettings(
            List.of(new AlertProvider.Gotify("ntfy", true, "low", "http://127.0.0.1", null)),
            0,
            true);

    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> AlertSettingsPolicy.accept(requested, STORED)))
        .isInstanceOf(InvalidAlertSettingsException.class)
        .hasMessage("providers[0].app_token is required for gotify");
  }

  @Test
  void masksCredentialHeadersOnly() {
    var masked = (AlertProvider.Webhook) AlertSettingsPolicy.masked(STORED).providers().get(0);

    assertThat(masked.headers())
        .containsEntry("X-Api-Key", AlertSettingsPolicy.MASK)
        .containsEntry("X-Team", "ops");
  }
}
