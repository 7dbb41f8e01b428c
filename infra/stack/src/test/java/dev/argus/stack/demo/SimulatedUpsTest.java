package dev.argus.stack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatedUpsTest {

  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  private final SimulatedUps office = DemoFleet.upses().get(0);
  private final SimulatedUps lab = DemoFleet.upses().get(3);

  @Test
  void officeRunsOnMainsThenOnBatteryDownToLowThenRecharges() {
    assertThat(at(office, 10).get("ups.status")).isEqualTo("OL");
    assertThat(at(office, 10).get("battery.charge")).isEqualTo("100.0");

    Map<String, String> earlyOutage = at(office, 35);
    assertThat(earlyOutage.get("ups.status")).isEqualTo("OB DISCHRG");
    assertThat(earlyOutage.get("input.voltage")).isEqualTo("0.0");

    Map<String, String> lateOutage = at(office, 95);
    assertThat(lateOutage.get("ups.status")).isEqualTo("OB DISCHRG LB");
    assertThat(Double.parseDouble(lateOutage.get("battery.charge"))).isLessThanOrEqualTo(10.0);

    Map<String, String> after = at(office, 110);
    assertThat(after.get("ups.status")).isEqualTo("OL CHRG");
    assertThat(Double.parseDouble(after.get("battery.charge")))
        .isGreaterThan(Double.parseDouble(lateOutage.get("battery.charge")));
  }

  @Test
  void labDriverIsLostForAMinuteOfEachCycle() {
    assertThat(lab.variablesAt(EPOCH.plusSeconds(59), EPOCH)).isPresent();
    assertThat(lab.variablesAt(EPOCH.plusSeconds(60), EPOCH)).isEmpty();
    assertThat(lab.variablesAt(EPOCH.plusSeconds(119), EPOCH)).isEmpty();
    assertThat(lab.variablesAt(EPOCH.plusSeconds(120), EPOCH)).isPresent();
    assertThat(lab.variablesAt(EPOCH.plusSeconds(240 + 61), EPOCH)).isEmpty();
  }

  @Test
  void rackLoadAndRackTemperatureCrossTheDefaultLimitsWithinACycle() {
    SimulatedUps rackA = DemoFleet.upses().get(1);
    SimulatedUps rackB = DemoFleet.upses().get(2);
    double maxLoad = 0;
    double minLoad = 100;
    double maxTemp = 0;
    for (int s = 0; s < 240; s++) {
      double load = Double.parseDouble(at(rackA, s).get("ups.load"));
      maxLoad = Math.max(maxLoad, load);
      minLoad = Math.min(minLoad, load);
      maxTemp = Math.max(maxTemp, Double.parseDouble(at(rackB, s).get("ups.temperature")));
    }
    assertThat(maxLoad).isGreaterThan(90);
    assertThat(minLoad).isLessThan(90);
    assertThat(maxTemp).isGreaterThan(40);
  }

  private static Map<String, String> at(SimulatedUps ups, long second) {
    return ups.variablesAt(EPOCH.plusSeconds(second), EPOCH).orElseThrow();
  }
}
