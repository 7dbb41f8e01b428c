package dev.argus.processor.power;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.events.Severity;
import dev.argus.contract.power.PowerReading;
import dev.argus.processor.testing.ReadingBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PowerEventRulesTest {

  private static final Instant T0 = Instant.parse("2026-05-27T10:00:00Z");
  private static final PowerEventRules RULES = new PowerEventRules(PowerEventSettings.defaults());

  /** One device fed reading after reading, keeping the state between them as the store does. */
  private static final class Device {
    private DeviceState state;
    private Instant now = T0;

    List<DerivedEvent> feed(PowerReading reading) {
      RuleOutcome outcome = RULES.onReading(state, reading, now);
      state = outcome.state();
      return outcome.events();
    }

    List<DerivedEvent> checkSilenceAt(Instant wallClock) {
      RuleOutcome outcome = RULES.onSilenceCheck("ups-1", state, wallClock, T0);
      state = outcome.state();
      return outcome.events();
    }

    List<String> feedAll(PowerReading... readings) {
      List<String> types = new ArrayList<>();
      for (PowerReading reading : readings) {
        feed(reading).forEach(e -> types.add(e.eventType()));
      }
      return types;
    }
  }

  private static ReadingBuilder ups(int secondsAfterT0) {
    return ReadingBuilder.ups("ups-1").at(T0.plusSeconds(secondsAfterT0));
  }

  private static List<String> types(List<DerivedEvent> events) {
    return events.stream().map(DerivedEvent::eventType).toList();
  }

  @Nested
  class FirstSnapshot {

    @Test
    void onlyEstablishesStateEvenWhenEverythingIsAlarming() {
      // Given a device never seen
      var device = new Device();

      // When its first snapshot is on battery, nearly empty, overloaded and hot
      var events =
          device.feed(
              ups(0).status("OB DISCHRG LB").battery(5.0).load(99.0).temperature(50.0).build());

      // Then nothing is sent, but the state remembers every open episode
      assertThat(events).isEmpty();
      DeviceState.Power power = device.state.power();
      assertThat(power.upsStatus()).isEqualTo("OB DISCHRG LB");
      assertThat(power.onBatterySince()).isEqualTo(T0);
      assertThat(power.batteryLow()).isTrue();
      assertThat(power.shutdownInitiated()).isTrue();
      assertThat(power.loadAboveLimit()).isTrue();
      assertThat(power.temperatureAboveLimit()).isTrue();
    }

    @Test
    void aFailedFirstPollIsRememberedWithoutAnEvent() {
      var device = new Device();

      var events = device.feed(ups(0).failed("connection refused"));

      assertThat(events).isEmpty();
      assertThat(device.state.liveness().consecutiveFailedPolls()).isEqualTo(1);
      assertThat(device.state.power()).isEqualTo(DeviceState.Power.UNKNOWN);
    }
  }

  @Nested
  class LinePower {

    @Test
    void onBatteryWhenTheObFlagAppears() {
      var device = new Device();
      device.feed(ups(0).status("OL").battery(100.0).build());

      var events = device.feed(ups(30).status("OB DISCHRG").battery(98.0).build());

      assertThat(types(events)).containsExactly("on_battery");
      DerivedEvent event = events.getFirst();
      assertThat(event.subjectId()).isEqualTo("ups-1");
      assertThat(event.timestamp()).isEqualTo(T0.plusSeconds(30));
      assertThat(event.severity()).isEqualTo(Severity.HIGH);
      assertThat(event.metadata())
          .containsEntry("previous_status", "OL")
          .containsEntry("battery_percent", 98.0);
    }

    @Test
    void powerRestoredSaysHowLongTheOutageLasted() {
      var device = new Device();
      device.feedAll(ups(0).status("OL").build(), ups(30).status("OB DISCHRG").build());

      var events = device.feed(ups(150).status("OL CHRG").battery(90.0).build());

      assertThat(types(events)).containsExactly("power_restored");
      assertThat(events.getFirst().metadata())
          .containsEntry("previous_status", "OB DISCHRG")
          .containsEntry("battery_percent", 90.0)
          .containsEntry("on_battery_seconds", 120L);
      assertThat(device.state.power().onBatterySince()).isNull();
    }

    @Test
    void aRepeatedStatusIsNotAnotherTransition() {
      var device = new Device();
      device.feedAll(ups(0).status("OL").build(), ups(30).status("OB DISCHRG").build());

      var types =
          device.feedAll(
              ups(60).status("OB DISCHRG").build(),
              ups(90).status("OB  DISCHRG ").build(),
              ups(120).status("OB").build());

      assertThat(types).isEmpty();
    }

    @Test
    void flappingGivesExactlyOneEventPerTransition() {
      var device = new Device();

      var types =
          device.feedAll(
              ups(0).status("OL").build(),
              ups(30).status("OB").build(),
              ups(60).status("OL").build(),
              ups(90).status("OB").build(),
              ups(120).status("OB").build(),
              ups(150).status("OL").build());

      assertThat(types)
          .containsExactly("on_battery", "power_restored", "on_battery", "power_restored");
    }

    @Test
    void aMissingStatusKeepsTheLastKnownOne() {
      var device = new Device();
      device.feedAll(ups(0).status("OL").build(), ups(30).status("OB").build());

      var types =
          device.feedAll(ups(60).status(null).battery(null).build(), ups(90).status(" ").build());

      assertThat(types).isEmpty();
      assertThat(device.state.power().upsStatus()).isEqualTo("OB");
      assertThat(types(device.feed(ups(120).status("OL").build())))
          .containsExactly("power_restored");
    }
  }

  @Nested
  class BatteryLow {

    @Test
    void followsTheUpsOwnLowThreshold() {
      var device = new Device();
      device.feed(ups(0).battery(100.0).batteryLowPercent(30.0).build());

      var above = device.feed(ups(30).battery(31.0).batteryLowPercent(30.0).build());
      var atThreshold = device.feed(ups(60).battery(30.0).batteryLowPercent(30.0).build());

      assertThat(above).isEmpty();
      assertThat(types(atThreshold)).containsExactly("battery_low");
      assertThat(atThreshold.getFirst().metadata())
          .containsEntry("battery_percent", 30.0)
          .containsEntry("threshold_percent", 30.0)
          .containsEntry("threshold_source", "device")
          .containsEntry("low_battery_flag", false);
    }

    @Test
    void theLbFlagIsLowWhateverTheCharge() {
      var device = new Device();
      device.feed(ups(0).status("OB DISCHRG").battery(80.0).build());

      var events = device.feed(ups(30).status("OB DISCHRG LB").battery(80.0).build());

      assertThat(types(events)).containsExactly("battery_low");
      assertThat(events.getFirst().metadata()).containsEntry("low_battery_flag", true);
    }

    @Test
    void withoutADeviceThresholdTheDefaultApplies() {
      var device = new Device();
      device.feed(ups(0).battery(50.0).build());

      var above = device.feed(ups(30).battery(21.0).build());
      var atDefault = device.feed(ups(60).battery(20.0).build());

      assertThat(above).isEmpty();
      assertThat(types(atDefault)).containsExactly("battery_low");
      assertThat(atDefault.getFirst().metadata())
          .containsEntry("threshold_percent", 20.0)
          .containsEntry("threshold_source", "default");
    }

    @Test
    void firesOncePerEpisodeAndReArmsWhenTheBatteryRecovers() {
      var device = new Device();

      var types =
          device.feedAll(
              ups(0).battery(50.0).build(),
              ups(30).battery(19.0).build(),
              ups(60).battery(15.0).build(),
              ups(90).status("OL LB").battery(14.0).build(),
              ups(120).battery(25.0).build(),
              ups(150).battery(18.0).build());

      assertThat(types).containsExactly("battery_low", "battery_low");
    }

    @Test
    void anUnknownChargeNeitherFiresNorReArms() {
      var device = new Device();
      device.feedAll(ups(0).battery(50.0).build(), ups(30).battery(10.0).status("OL").build());

      var types = device.feedAll(ups(60).battery(null).build(), ups(90).battery(10.0).build());

      assertThat(types).isEmpty();
      assertThat(device.state.power().batteryLow()).isTrue();
    }
  }

  @Nested
  class Shutdown {

    @Test
    void firesOncePerOutageAtTheFloor() {
      var device = new Device();

      var types =
          device.feedAll(
              ups(0).status("OL").battery(100.0).build(),
              ups(30).status("OB DISCHRG").battery(40.0).build(),
              ups(60).status("OB DISCHRG").battery(10.0).build(),
              ups(90).status("OB DISCHRG").battery(8.0).build(),
              ups(120).status("OB DISCHRG").battery(5.0).build());

      assertThat(types).containsExactly("on_battery", "battery_low", "shutdown_initiated");
    }

    @Test
    void theNextOutageCanInitiateAgain() {
      var device = new Device();
      device.feedAll(
          ups(0).status("OL").battery(100.0).build(), ups(30).status("OB").battery(9.0).build());

      var types =
          device.feedAll(
              ups(60).status("OL").battery(9.0).build(), ups(90).status("OB").battery(9.0).build());

      assertThat(types).containsExactly("power_restored", "on_battery", "shutdown_initiated");
    }

    @Test
    void onLinePowerALowBatteryIsNoShutdown() {
      var device = new Device();
      device.feed(ups(0).status("OL").battery(50.0).build());

      var events = device.feed(ups(30).status("OL CHRG").battery(5.0).build());

      assertThat(types(events)).containsExactly("battery_low");
    }

    @Test
    void allThreeEventsOfOneReadingComeInOrder() {
      var device = new Device();
      device.feed(ups(0).status("OL").battery(100.0).build());

      var events = device.feed(ups(30).status("OB LB").battery(6.0).build());

      assertThat(types(events)).containsExactly("on_battery", "battery_low", "shutdown_initiated");
      assertThat(events.get(2).metadata())
          .containsEntry("battery_percent", 6.0)
          .containsEntry("floor_percent", 10.0);
    }
  }

  @Nested
  class Thresholds {

    @Test
    void loadCrossesOnceAndReArmsAtOrBelowTheLimit() {
      var device = new Device();
      device.feed(ups(0).load(50.0).build());

      var crossing = device.feed(ups(30).load(95.0).build());
      var stillAbove = device.feed(ups(60).load(97.0).build());
      var atLimit = device.feed(ups(90).load(90.0).build());
      var again = device.feed(ups(120).load(91.0).build());

      assertThat(types(crossing)).containsExactly("threshold_crossed");
      assertThat(crossing.getFirst().metadata())
          .containsEntry("metric", "load_percent")
          .containsEntry("value", 95.0)
          .containsEntry("limit", 90.0);
      assertThat(stillAbove).isEmpty();
      assertThat(atLimit).isEmpty();
      assertThat(types(again)).containsExactly("threshold_crossed");
    }

    @Test
    void temperatureCrossesOnceAndReArms() {
      var device = new Device();

      var types =
          device.feedAll(
              ups(0).temperature(30.0).build(),
              ups(30).temperature(41.5).build(),
              ups(60).temperature(45.0).build(),
              ups(90).temperature(null).build(),
              ups(120).temperature(39.0).build(),
              ups(150).temperature(40.5).build());

      assertThat(types).containsExactly("threshold_crossed", "threshold_crossed");
    }

    @Test
    void loadAndTemperatureCrossingTogetherAreTwoDistinctEvents() {
      var device = new Device();
      device.feed(ups(0).build());

      var events = device.feed(ups(30).load(95.0).temperature(45.0).build());

      assertThat(events)
          .extracting(e -> e.metadata().get("metric"))
          .containsExactly("load_percent", "temperature_c");
      assertThat(events.get(0).eventId()).isNotEqualTo(events.get(1).eventId());
    }
  }

  @Nested
  class Liveness {

    @Test
    void offlineAfterTheConfiguredFailedPollsThenOnlineAgain() {
      var device = new Device();
      device.feed(ups(0).build());

      var firstTwo = device.feedAll(ups(30).failed("timeout"), ups(60).failed("timeout"));
      var third = device.feed(ups(90).failed("connection refused"));
      var fourth = device.feed(ups(120).failed("connection refused"));
      var back = device.feed(ups(300).build());

      assertThat(firstTwo).isEmpty();
      assertThat(types(third)).containsExactly("device_offline");
      assertThat(third.getFirst().metadata())
          .containsEntry("missed_polls", 3)
          .containsEntry("last_error", "connection refused");
      assertThat(fourth).isEmpty();
      assertThat(types(back)).containsExactly("device_online");
      assertThat(back.getFirst().metadata()).containsEntry("offline_seconds", 210L);
    }

    @Test
    void failedPollsDoNotDisturbTheOtherRules() {
      // Given a device on battery with low battery and high load
      var device = new Device();
      device.feedAll(
          ups(0).status("OL").battery(100.0).build(),
          ups(30).status("OB").battery(15.0).load(95.0).build());
      DeviceState.Power before = device.state.power();

      // When two polls fail and then the same situation is read again
      var types =
          device.feedAll(
              ups(60).failed("timeout"),
              ups(90).failed("timeout"),
              ups(120).status("OB").battery(15.0).load(95.0).build());

      // Then nothing repeats: the failed polls carried no measurements
      assertThat(types).isEmpty();
      assertThat(device.state.power().onBatterySince()).isEqualTo(before.onBatterySince());
      assertThat(device.state.power().batteryLow()).isTrue();
    }

    @Test
    void aSuccessfulPollResetsTheFailureCount() {
      var device = new Device();

      var types =
          device.feedAll(
              ups(0).build(),
              ups(30).failed("timeout"),
              ups(60).failed("timeout"),
              ups(90).build(),
              ups(120).failed("timeout"),
              ups(150).failed("timeout"));

      assertThat(types).isEmpty();
    }

    @Test
    void aSilentDeviceGoesOfflineOnceAfterTheMissedPolls() {
      // Given a device polled every 30 s, last heard of at T0
      var device = new Device();
      device.feed(ups(0).pollInterval(30).build());

      // When the checks run before and after 3 intervals of silence
      var early = device.checkSilenceAt(T0.plusSeconds(90));
      var late = device.checkSilenceAt(T0.plusSeconds(95));
      var later = device.checkSilenceAt(T0.plusSeconds(200));

      // Then exactly one device_offline, stamped with the check time
      assertThat(early).isEmpty();
      assertThat(types(late)).containsExactly("device_offline");
      assertThat(late.getFirst().timestamp()).isEqualTo(T0.plusSeconds(95));
      assertThat(late.getFirst().metadata())
          .containsEntry("reason", "silent")
          .containsEntry("missed_polls", 3L)
          .containsEntry("silent_seconds", 95L);
      assertThat(later).isEmpty();
      assertThat(device.state.liveness().offline()).isTrue();
    }

    @Test
    void silenceCountsFromWhenTheProcessorStartedWatching() {
      var device = new Device();
      device.feed(ups(0).pollInterval(30).build());
      Instant restartedAt = T0.plusSeconds(3600);

      RuleOutcome outcome =
          RULES.onSilenceCheck("ups-1", device.state, restartedAt.plusSeconds(60), restartedAt);

      assertThat(outcome.events()).isEmpty();
    }
  }

  @Nested
  class BadInput {

    @Test
    void garbageChargeIsIgnoredByTheThresholdRules() {
      var device = new Device();
      device.feed(ups(0).status("OL").battery(100.0).build());

      var types =
          device.feedAll(
              ups(30).status("OB").battery(-5.0).build(),
              ups(60).status("OB").battery(150.0).build(),
              ups(90).status("OB").battery(Double.NaN).build());

      assertThat(types).containsExactly("on_battery");
      assertThat(device.state.power().batteryLow()).isFalse();
      assertThat(device.state.power().shutdownInitiated()).isFalse();
    }

    @Test
    void aGarbageDeviceThresholdFallsBackToTheDefault() {
      var device = new Device();
      device.feed(ups(0).battery(50.0).build());

      var events = device.feed(ups(30).battery(20.0).batteryLowPercent(250.0).build());

      assertThat(types(events)).containsExactly("battery_low");
      assertThat(events.getFirst().metadata()).containsEntry("threshold_source", "default");
    }

    @Test
    void aReadingWithNoMeasurementsAtAllChangesNothing() {
      var device = new Device();
      device.feed(ups(0).status("OL").battery(50.0).build());

      var events =
          device.feed(ups(30).status(null).battery(null).load(null).temperature(null).build());

      assertThat(events).isEmpty();
      assertThat(device.state.power().upsStatus()).isEqualTo("OL");
    }

    @Test
    void anOlderOrDuplicateReadingIsIgnored() {
      var device = new Device();
      device.feedAll(ups(0).status("OL").build(), ups(60).status("OB").build());
      DeviceState before = device.state;

      var types = device.feedAll(ups(30).status("OL").build(), ups(60).failed("duplicate"));

      assertThat(types).isEmpty();
      assertThat(device.state).isEqualTo(before);
    }
  }

  @Test
  void customSettingsAreHonoured() {
    var settings =
        new PowerEventSettings(
            dev.argus.contract.Topics.READINGS_POWER,
            dev.argus.contract.Topics.EVENTS,
            dev.argus.contract.Topics.CONFIG,
            25,
            1,
            50,
            60,
            30,
            Duration.ofSeconds(5));
    var rules = new PowerEventRules(settings);
    DeviceState state = rules.onReading(null, ups(0).build(), T0).state();

    var events =
        rules
            .onReading(
                state, ups(30).status("OB").battery(25.0).load(61.0).temperature(31.0).build(), T0)
            .events();
    var offline = rules.onReading(state, ups(30).failed("timeout"), T0).events();

    assertThat(types(events))
        .containsExactly(
            "on_battery",
            "battery_low",
            "shutdown_initiated",
            "threshold_crossed",
            "threshold_crossed");
    assertThat(types(offline)).containsExactly("device_offline");
  }
}
