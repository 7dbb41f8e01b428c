package dev.argus.collector.power.schedule;

import dev.argus.collector.power.device.Device;
import java.time.Duration;
import java.util.List;

/**
 * What the scheduler polls and how often. The scheduler asks again before every cycle (and while it
 * waits for the next one), so a change of devices, interval or pause applies on the next cycle
 * without a restart.
 */
public interface PollPlan {

  /** The time between the starts of two scheduled cycles. */
  Duration pollInterval();

  /** True while scheduled cycles are paused; a triggered cycle still runs. */
  boolean paused();

  /**
   * The devices of the cycle about to start, in the order their readings are published. May talk to
   * the network (to discover the UPSes of a NUT server), so it is called once per cycle.
   */
  List<Device> devicesForCycle();

  /** How many devices are configured now, for the heartbeat. */
  int devicesConfigured();

  /** A plan that never changes: these devices, this interval, never paused. */
  static PollPlan fixed(List<Device> devices, Duration pollInterval) {
    List<Device> copy = List.copyOf(devices);
    return new PollPlan() {
      @Override
      public Duration pollInterval() {
        return pollInterval;
      }

      @Override
      public boolean paused() {
        return false;
      }

      @Override
      public List<Device> devicesForCycle() {
        return copy;
      }

      @Override
      public int devicesConfigured() {
        return copy.size();
      }
    };
  }
}
