package dev.argus.contract.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BrokerWaitSettingsTest {

  @Test
  void pausesDoubleFromOneSecondUpToTheLongest() {
    var settings = new BrokerWaitSettings(Duration.ofSeconds(30), Duration.ofSeconds(10));

    assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.backoffAfter(4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(settings.backoffAfter(5)).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.backoffAfter(1_000)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aLongestPauseBelowOneSecondIsEveryPause() {
    assertThat(new BrokerWaitSettings(null, Duration.ofMillis(200)).backoffAfter(1))
        .isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void unsetValuesAreThirtySeconds() {
    assertThat(new BrokerWaitSettings(null, null))
        .isEqualTo(new BrokerWaitSettings(Duration.ofSeconds(30), Duration.ofSeconds(30)));
  }

  @Test
  void valuesOutOfRangeAreRefusedNamingTheSetting() {
    assertThatThrownBy(() -> new BrokerWaitSettings(Duration.ofMillis(500), null))
        .hasMessage(
            "argus.kafka.startup.attempt-timeout (ARGUS_KAFKA_STARTUP_ATTEMPT_TIMEOUT) must be"
                + " between 1s and 10m, was PT0.5S");
    assertThatThrownBy(() -> new BrokerWaitSettings(null, Duration.ofHours(1)))
        .hasMessage(
            "argus.kafka.startup.max-backoff (ARGUS_KAFKA_STARTUP_MAX_BACKOFF) must be between"
                + " 100ms and 10m, was PT1H");
  }
}
