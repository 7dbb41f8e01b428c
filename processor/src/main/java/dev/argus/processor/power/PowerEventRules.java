package dev.argus.processor.power;

import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.events.PowerEventType;
import dev.argus.contract.power.PowerReading;
import dev.argus.processor.power.DeviceState.Liveness;
import dev.argus.processor.power.DeviceState.Power;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The power event rules as a pure function: (previous state, reading) to (new state, events). No
 * Kafka, no clock: the topology passes the wall-clock time in, so every case can be tested
 * directly.
 *
 * <p>Each rule fires once per episode and is re-armed only when its condition is clearly over, so a
 * repeated identical reading never produces a duplicate. The first successful reading of a device
 * only establishes state. Readings that are missing a value leave the rules that need it untouched;
 * values out of their physical range are treated as missing.
 */
public final class PowerEventRules {

  private static final Logger log = LoggerFactory.getLogger(PowerEventRules.class);

  private static final String ON_BATTERY_FLAG = "OB";
  private static final String LOW_BATTERY_FLAG = "LB";
  private static final String LOAD_METRIC = "load_percent";
  private static final String TEMPERATURE_METRIC = "temperature_c";
  // Outside this range a temperature sensor is broken, not reporting a real room.
  private static final double MIN_PLAUSIBLE_TEMPERATURE_C = -60;
  private static final double MAX_PLAUSIBLE_TEMPERATURE_C = 150;

  private final PowerEventSettings settings;

  public PowerEventRules(PowerEventSettings settings) {
    this.settings = settings;
  }

  /**
   * Applies one reading.
   *
   * @param previous the device's state, null for a device never seen
   * @param receivedAt wall-clock time the reading is processed, for silence detection
   */
  public RuleOutcome onReading(DeviceState previous, PowerReading reading, Instant receivedAt) {
    if (previous != null && !reading.timestamp().isAfter(previous.liveness().lastReadingAt())) {
      // A duplicate from a producer retry, or a reading overtaken by a newer one: applying it
      // would count a failed poll twice or re-open an episode that is already over.
      log.debug(
          "Ignoring reading of {} at {}: not newer than {}",
          reading.deviceId(),
          reading.timestamp(),
          previous.liveness().lastReadingAt());
      return RuleOutcome.unchanged(previous);
    }
    List<DerivedEvent> events = new ArrayList<>();
    Liveness liveness = applyLiveness(previous, reading, receivedAt, events);
    Power power = previous == null ? Power.UNKNOWN : previous.power();
    if (reading.succeeded()) {
      power = applyMeasurements(power, reading, events);
    }
    return new RuleOutcome(new DeviceState(liveness, power), events);
  }

  /**
   * Declares a device offline when nothing at all has been received from it for {@code
   * deviceOfflineMissedPolls} poll intervals, e.g. because its collector stopped.
   *
   * @param now the wall-clock time of the check; also the event's timestamp
   * @param watchingSince when this processor started watching; silence is counted from no earlier
   *     than that, so a processor restart does not declare every device offline before the readings
   *     that queued up meanwhile are processed
   */
  public RuleOutcome onSilenceCheck(
      String deviceId, DeviceState state, Instant now, Instant watchingSince) {
    Liveness liveness = state.liveness();
    if (liveness.offline()
        || liveness.lastReceivedAt() == null
        || liveness.pollIntervalSeconds() <= 0) {
      return RuleOutcome.unchanged(state);
    }
    Instant silentSince = latest(liveness.lastReceivedAt(), watchingSince);
    Duration silence = Duration.between(silentSince, now);
    Duration allowed =
        Duration.ofSeconds(liveness.pollIntervalSeconds() * settings.deviceOfflineMissedPolls());
    if (silence.compareTo(allowed) <= 0) {
      return RuleOutcome.unchanged(state);
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("missed_polls", silence.toSeconds() / liveness.pollIntervalSeconds());
    metadata.put("last_error", liveness.lastError());
    metadata.put("reason", "silent");
    metadata.put("silent_seconds", silence.toSeconds());
    var event = DerivedEvent.power(deviceId, PowerEventType.DEVICE_OFFLINE, now, metadata);
    var offline =
        new Liveness(
            liveness.lastReadingAt(),
            liveness.lastReceivedAt(),
            liveness.pollIntervalSeconds(),
            liveness.consecutiveFailedPolls(),
            liveness.lastError(),
            true,
            now);
    return new RuleOutcome(new DeviceState(offline, state.power()), List.of(event));
  }

  private Liveness applyLiveness(
      DeviceState previous, PowerReading reading, Instant receivedAt, List<DerivedEvent> events) {
    Liveness before = previous == null ? null : previous.liveness();
    boolean wasOffline = before != null && before.offline();
    Instant offlineSince = before == null ? null : before.offlineSince();
    if (reading.succeeded()) {
      if (wasOffline) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("offline_seconds", secondsBetween(offlineSince, reading.timestamp()));
        events.add(event(reading, PowerEventType.DEVICE_ONLINE, metadata));
      }
      return new Liveness(
          reading.timestamp(), receivedAt, reading.pollIntervalSeconds(), 0, null, false, null);
    }
    int failedPolls = (before == null ? 0 : before.consecutiveFailedPolls()) + 1;
    boolean offline = wasOffline;
    if (!wasOffline && previous != null && failedPolls >= settings.deviceOfflineMissedPolls()) {
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("missed_polls", failedPolls);
      metadata.put("last_error", reading.error());
      metadata.put("reason", "failed_polls");
      events.add(event(reading, PowerEventType.DEVICE_OFFLINE, metadata));
      offline = true;
      offlineSince = reading.timestamp();
    }
    return new Liveness(
        reading.timestamp(),
        receivedAt,
        reading.pollIntervalSeconds(),
        failedPolls,
        reading.error(),
        offline,
        offlineSince);
  }

  private Power applyMeasurements(Power before, PowerReading reading, List<DerivedEvent> events) {
    // The first snapshot only tells us where the device stands; there is no transition yet.
    boolean establishing = before.lastSnapshotAt() == null;
    String reportedStatus = normalizedStatus(reading.upsStatus());
    Double battery = percent(reading.deviceId(), "battery_percent", reading.batteryPercent());

    // A reading without a status keeps the last known one rather than implying a change.
    String previousStatus = before.upsStatus();
    String status = reportedStatus != null ? reportedStatus : previousStatus;
    boolean wasOnBattery = hasFlag(previousStatus, ON_BATTERY_FLAG);
    boolean onBattery = hasFlag(status, ON_BATTERY_FLAG);
    Instant onBatterySince = before.onBatterySince();
    boolean shutdownInitiated = before.shutdownInitiated();
    if (reportedStatus != null && previousStatus == null) {
      onBatterySince = onBattery ? reading.timestamp() : null;
    } else if (!wasOnBattery && onBattery) {
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("previous_status", previousStatus);
      metadata.put("battery_percent", battery);
      events.add(event(reading, PowerEventType.ON_BATTERY, metadata));
      onBatterySince = reading.timestamp();
    } else if (wasOnBattery && !onBattery) {
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("previous_status", previousStatus);
      metadata.put("battery_percent", battery);
      metadata.put("on_battery_seconds", secondsBetween(onBatterySince, reading.timestamp()));
      events.add(event(reading, PowerEventType.POWER_RESTORED, metadata));
      onBatterySince = null;
      shutdownInitiated = false;
    }

    boolean batteryLow =
        applyBatteryLow(before, reading, reportedStatus, battery, establishing, events);

    if (onBattery
        && !shutdownInitiated
        && battery != null
        && battery <= settings.shutdownBatteryFloorPct()) {
      if (!establishing) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("battery_percent", battery);
        metadata.put("floor_percent", settings.shutdownBatteryFloorPct());
        metadata.put("ups_status", status);
        events.add(event(reading, PowerEventType.SHUTDOWN_INITIATED, metadata));
      }
      shutdownInitiated = true;
    }

    boolean loadAbove =
        applyLimit(
            reading,
            LOAD_METRIC,
            load(reading),
            settings.loadLimitPct(),
            before.loadAboveLimit(),
            establishing,
            events);
    boolean temperatureAbove =
        applyLimit(
            reading,
            TEMPERATURE_METRIC,
            temperature(reading),
            settings.temperatureLimitC(),
            before.temperatureAboveLimit(),
            establishing,
            events);

    return new Power(
        reading.timestamp(),
        status,
        onBatterySince,
        batteryLow,
        shutdownInitiated,
        loadAbove,
        temperatureAbove);
  }

  /**
   * Low means the LB flag is set, or the charge is at or below the device's own {@code
   * battery.charge.low} (the configured default when the device does not report one). The episode
   * ends when the battery is known to be above the threshold and LB is gone.
   */
  private boolean applyBatteryLow(
      Power before,
      PowerReading reading,
      String reportedStatus,
      Double battery,
      boolean establishing,
      List<DerivedEvent> events) {
    boolean lowFlag = hasFlag(reportedStatus, LOW_BATTERY_FLAG);
    Double deviceThreshold =
        percent(reading.deviceId(), "battery_low_percent", reading.batteryLowPercent());
    double threshold = deviceThreshold != null ? deviceThreshold : settings.defaultBatteryLowPct();
    boolean belowThreshold = battery != null && battery <= threshold;
    if (!lowFlag && battery == null) {
      return before.batteryLow();
    }
    boolean low = lowFlag || belowThreshold;
    if (low && !before.batteryLow() && !establishing) {
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("battery_percent", battery);
      metadata.put("threshold_percent", threshold);
      metadata.put("threshold_source", deviceThreshold != null ? "device" : "default");
      metadata.put("low_battery_flag", lowFlag);
      events.add(event(reading, PowerEventType.BATTERY_LOW, metadata));
    }
    return low;
  }

  /** Fires once when the value rises above the limit; re-armed when it is back at or below. */
  private boolean applyLimit(
      PowerReading reading,
      String metric,
      Double value,
      double limit,
      boolean wasAbove,
      boolean establishing,
      List<DerivedEvent> events) {
    if (value == null) {
      return wasAbove;
    }
    boolean above = value > limit;
    if (above && !wasAbove && !establishing) {
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("metric", metric);
      metadata.put("value", value);
      metadata.put("limit", limit);
      events.add(thresholdEvent(reading, metric, metadata));
    }
    return above;
  }

  /** Load and temperature may cross in the same reading: the metric keeps their ids apart. */
  private static DerivedEvent thresholdEvent(
      PowerReading reading, String metric, Map<String, Object> metadata) {
    return DerivedEvent.power(
        reading.deviceId(),
        PowerEventType.THRESHOLD_CROSSED,
        metric,
        reading.timestamp(),
        metadata);
  }

  private static DerivedEvent event(
      PowerReading reading, PowerEventType type, Map<String, Object> metadata) {
    return DerivedEvent.power(reading.deviceId(), type, reading.timestamp(), metadata);
  }

  private static String normalizedStatus(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    return String.join(" ", status.trim().split("\\s+"));
  }

  private static boolean hasFlag(String status, String flag) {
    return status != null && Arrays.asList(status.split(" ")).contains(flag);
  }

  private static Double percent(String deviceId, String field, Double value) {
    if (value == null) {
      return null;
    }
    if (!Double.isFinite(value) || value < 0 || value > 100) {
      log.debug("Ignoring {} {} of {}: not a percentage", field, value, deviceId);
      return null;
    }
    return value;
  }

  private static Double load(PowerReading reading) {
    Double value = reading.loadPercent();
    // Load can exceed 100 % on an overloaded UPS, so only the impossible is dropped.
    if (value != null && (!Double.isFinite(value) || value < 0)) {
      log.debug("Ignoring load_percent {} of {}", value, reading.deviceId());
      return null;
    }
    return value;
  }

  private static Double temperature(PowerReading reading) {
    Double value = reading.temperatureC();
    if (value != null
        && (!Double.isFinite(value)
            || value < MIN_PLAUSIBLE_TEMPERATURE_C
            || value > MAX_PLAUSIBLE_TEMPERATURE_C)) {
      log.debug("Ignoring temperature_c {} of {}", value, reading.deviceId());
      return null;
    }
    return value;
  }

  private static Long secondsBetween(Instant from, Instant to) {
    if (from == null) {
      return null;
    }
    // Offline time can start at a wall-clock check while readings carry the collector's clock.
    return Math.max(0, Duration.between(from, to).toSeconds());
  }

  private static Instant latest(Instant a, Instant b) {
    return b != null && b.isAfter(a) ? b : a;
  }
}
