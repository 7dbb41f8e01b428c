package dev.argus.processor.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.argus.contract.Topics;
import dev.argus.contract.energy.EnergyTotal;
import dev.argus.contract.power.PowerReading;
import dev.argus.processor.testing.ReadingBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyIntegratorTest {

  private static final Instant T0 = Instant.parse("2026-05-27T10:00:00Z");
  private static final LocalDate DAY = LocalDate.parse("2026-05-27");
  private static final EnergyIntegrator INTEGRATOR =
      new EnergyIntegrator(EnergySettings.defaults());

  /** One device fed reading after reading, keeping the state between them as the store does. */
  private static final class Device {
    private final EnergyIntegrator integrator;
    private EnergyState state;

    Device(EnergyIntegrator integrator) {
      this.integrator = integrator;
    }

    Device() {
      this(INTEGRATOR);
    }

    List<EnergyTotal> feed(PowerReading reading) {
      Integration integration = integrator.onReading(state, reading);
      state = integration.state();
      return integration.totals();
    }
  }

  private static PowerReading watts(int secondsAfterT0, Double watts) {
    return at(T0.plusSeconds(secondsAfterT0), watts);
  }

  private static PowerReading at(Instant timestamp, Double watts) {
    return ReadingBuilder.ups("ups-1").at(timestamp).power(watts).build();
  }

  @Test
  void theFirstReadingOnlySetsThePoint() {
    var device = new Device();

    var totals = device.feed(watts(0, 300.0));

    assertThat(totals).isEmpty();
    assertThat(device.state).isEqualTo(new EnergyState(T0, 300.0, 0, DAY, 0, 0));
  }

  @Test
  void steadyPowerIntegratesToPowerTimesTime() {
    // Given a device drawing a steady 240 W
    var device = new Device();
    device.feed(watts(0, 240.0));

    // When it reports every 30 s for an hour
    EnergyTotal last = null;
    for (int s = 30; s <= 3600; s += 30) {
      last = device.feed(watts(s, 240.0)).getLast();
    }

    // Then it used 240 Wh, all of it today, and the total says so
    assertThat(last.whTotal()).isCloseTo(240.0, within(1e-9));
    assertThat(last.whDay()).isCloseTo(240.0, within(1e-9));
    assertThat(last.day()).isEqualTo(DAY);
    assertThat(last.asOf()).isEqualTo(T0.plusSeconds(3600));
    assertThat(last.lastPowerWatts()).isEqualTo(240.0);
    assertThat(last.deviceId()).isEqualTo("ups-1");
    assertThat(last.gapsSkipped()).isZero();
  }

  @Test
  void aRampIsATrapezoid() {
    var device = new Device();
    device.feed(watts(0, 100.0));

    var totals = device.feed(watts(600, 300.0));

    // (100 W + 300 W) / 2 × 1/6 h
    assertThat(totals).hasSize(1);
    assertThat(totals.getFirst().whTotal()).isCloseTo(200.0 / 6, within(1e-12));
    assertThat(totals.getFirst().whDay()).isCloseTo(200.0 / 6, within(1e-12));
  }

  @Test
  void subWattHourIntervalsKeepTheirPrecision() {
    var device = new Device();
    device.feed(watts(0, 1.5));

    var totals = device.feed(watts(1, 1.5));

    assertThat(totals.getFirst().whTotal()).isCloseTo(1.5 / 3600, within(1e-15));
  }

  @Test
  void aGapLongerThanTheMaximumIsSkippedAndIntegrationResumesAfterIt() {
    // Given a device integrated for 30 s at 120 W (1 Wh)
    var device = new Device(new EnergyIntegrator(maxGap(Duration.ofMinutes(5))));
    device.feed(watts(0, 120.0));
    device.feed(watts(30, 120.0));

    // When the next reading comes 10 minutes later
    var afterGap = device.feed(watts(630, 120.0));

    // Then nothing is integrated, the gap is counted and the point moves on
    assertThat(afterGap).isEmpty();
    assertThat(device.state.whTotal()).isCloseTo(1.0, within(1e-12));
    assertThat(device.state.gapsSkipped()).isEqualTo(1);
    assertThat(device.state.lastAt()).isEqualTo(T0.plusSeconds(630));

    // And the next interval is integrated from the reading after the gap
    var next = device.feed(watts(660, 120.0));
    assertThat(next.getFirst().whTotal()).isCloseTo(2.0, within(1e-12));
    assertThat(next.getFirst().gapsSkipped()).isEqualTo(1);
  }

  @Test
  void anIntervalOfExactlyTheMaximumGapIsIntegrated() {
    var device = new Device(new EnergyIntegrator(maxGap(Duration.ofMinutes(5))));
    device.feed(watts(0, 60.0));

    var totals = device.feed(watts(300, 60.0));

    assertThat(totals.getFirst().whTotal()).isCloseTo(5.0, within(1e-12));
  }

  @Test
  void aTrapezoidAcrossMidnightIsSplitByTimeAndTheNewDayStartsWithItsShare() {
    // Given a device that used 100 Wh today until 23:59:30
    Instant beforeMidnight = Instant.parse("2026-05-27T23:59:30Z");
    var device = new Device();
    device.state = new EnergyState(beforeMidnight, 120.0, 1000.0, DAY, 100.0, 0);

    // When it reports 60 s later, at 00:00:30, with power rising to 240 W
    var totals = device.feed(at(beforeMidnight.plusSeconds(60), 240.0));

    // Then the 3 Wh trapezoid is split half and half: the old day closes at 101.5 Wh and the new
    // day starts at 1.5 Wh, both published with the running total
    assertThat(totals).hasSize(2);
    EnergyTotal closing = totals.get(0);
    EnergyTotal opening = totals.get(1);
    assertThat(closing.day()).isEqualTo(DAY);
    assertThat(closing.whDay()).isCloseTo(101.5, within(1e-9));
    assertThat(opening.day()).isEqualTo(DAY.plusDays(1));
    assertThat(opening.whDay()).isCloseTo(1.5, within(1e-9));
    assertThat(closing.whTotal()).isEqualTo(opening.whTotal()).isCloseTo(1003.0, within(1e-9));
    assertThat(device.state.day()).isEqualTo(DAY.plusDays(1));
    assertThat(device.state.whDay()).isCloseTo(1.5, within(1e-9));
  }

  @Test
  void aGapOverMidnightStartsTheNewDayFromZero() {
    Instant lateEvening = Instant.parse("2026-05-27T23:00:00Z");
    var device = new Device();
    device.state = new EnergyState(lateEvening, 100.0, 500.0, DAY, 50.0, 0);

    device.feed(at(lateEvening.plusSeconds(7200), 100.0));
    var totals = device.feed(at(lateEvening.plusSeconds(7236), 100.0));

    assertThat(totals).hasSize(1);
    EnergyTotal total = totals.getFirst();
    assertThat(total.day()).isEqualTo(DAY.plusDays(1));
    assertThat(total.whDay()).isCloseTo(1.0, within(1e-12));
    assertThat(total.whTotal()).isCloseTo(501.0, within(1e-12));
    assertThat(total.gapsSkipped()).isEqualTo(1);
  }

  @Test
  void failedPollsAndReadingsWithoutPowerNeitherIntegrateNorMoveThePoint() {
    // Given a device at 200 W
    var device = new Device();
    device.feed(watts(0, 200.0));

    // When two polls fail and one answers without power
    var failed = device.feed(ReadingBuilder.ups("ups-1").at(T0.plusSeconds(30)).failed("timeout"));
    var failedAgain =
        device.feed(ReadingBuilder.ups("ups-1").at(T0.plusSeconds(60)).failed("timeout"));
    var withoutPower = device.feed(watts(90, null));

    // Then nothing is published and the point stays at T0
    assertThat(failed).isEmpty();
    assertThat(failedAgain).isEmpty();
    assertThat(withoutPower).isEmpty();
    assertThat(device.state.lastAt()).isEqualTo(T0);

    // And the next good reading integrates across them: 200 W × 2 min
    var totals = device.feed(watts(120, 200.0));
    assertThat(totals.getFirst().whTotal()).isCloseTo(200.0 / 30, within(1e-12));
  }

  @Test
  void duplicateAndOutOfOrderReadingsAreIgnored() {
    // Given a device integrated up to T0+60
    var device = new Device();
    device.feed(watts(0, 360.0));
    device.feed(watts(60, 360.0));
    EnergyState integrated = device.state;

    // When the same reading arrives again, then an older one
    var duplicate = device.feed(watts(60, 360.0));
    var older = device.feed(watts(30, 9000.0));

    // Then neither changes anything
    assertThat(duplicate).isEmpty();
    assertThat(older).isEmpty();
    assertThat(device.state).isEqualTo(integrated);
    assertThat(device.state.whTotal()).isCloseTo(6.0, within(1e-12));
  }

  @Test
  void impossiblePowerIsIgnored() {
    var device = new Device();
    device.feed(watts(0, 100.0));

    assertThat(device.feed(watts(30, -5.0))).isEmpty();
    assertThat(device.feed(watts(40, Double.NaN))).isEmpty();
    assertThat(device.feed(watts(50, Double.POSITIVE_INFINITY))).isEmpty();
    assertThat(device.state.lastAt()).isEqualTo(T0);

    var totals = device.feed(watts(60, 100.0));
    assertThat(totals.getFirst().whTotal()).isCloseTo(100.0 / 60, within(1e-12));
  }

  @Test
  void aDeviceFirstSeenWithoutPowerHasNoState() {
    var device = new Device();

    device.feed(ReadingBuilder.ups("ups-1").at(T0).failed("timeout"));
    device.feed(watts(30, null));

    assertThat(device.state).isNull();
  }

  private static EnergySettings maxGap(Duration maxGap) {
    return new EnergySettings(Topics.READINGS_POWER, Topics.ENERGY, maxGap);
  }
}
