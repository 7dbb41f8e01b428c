package dev.argus.stack.demo;

import java.time.Duration;
import java.util.List;

/**
 * The demo fleet: four UPSes on one simulated NUT server, scripted so that every kind of power
 * event shows up within the first few minutes of a demo (with the demo's 5 s poll interval).
 */
public final class DemoFleet {

  private DemoFleet() {}

  public static List<SimulatedUps> upses() {
    Duration cycle = Duration.ofMinutes(4);
    return List.of(
        // Mains fails 30 s in; the battery reaches the low mark and the shutdown floor, then power
        // returns.
        new SimulatedUps(
            "office",
            "Office UPS",
            "Demo 1500",
            "DEMO-0001",
            900,
            cycle,
            Duration.ZERO,
            new SimulatedUps.Window(30, 100),
            null,
            35,
            5,
            28,
            2),
        // Load swings over the 90 % limit and back.
        new SimulatedUps(
            "rack-a",
            "Rack A UPS",
            "Demo 3000 RM",
            "DEMO-0002",
            2700,
            cycle,
            Duration.ofSeconds(40),
            null,
            null,
            72,
            24,
            30,
            3),
        // Runs hot for a while: crosses the 40 °C limit.
        new SimulatedUps(
            "rack-b",
            "Rack B UPS",
            "Demo 3000 RM",
            "DEMO-0003",
            2700,
            cycle,
            Duration.ofSeconds(80),
            null,
            null,
            45,
            10,
            33,
            10),
        // Its driver drops out for a minute: the device goes offline and comes back.
        new SimulatedUps(
            "lab",
            "Lab UPS",
            "Demo 700",
            "DEMO-0004",
            420,
            cycle,
            Duration.ZERO,
            null,
            new SimulatedUps.Window(60, 120),
            20,
            5,
            26,
            1));
  }
}
