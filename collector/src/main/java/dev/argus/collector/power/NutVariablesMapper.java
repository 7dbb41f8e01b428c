package dev.argus.collector.power;

import dev.argus.contract.power.DeviceMetadata;
import dev.argus.contract.power.PowerReading;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the variables of one NUT UPS ({@code LIST VAR}) into a {@link PowerReading}.
 *
 * <p>Watts come from {@code ups.realpower}; without it from {@code ups.realpower.nominal × ups.load
 * / 100}; otherwise they stay unknown, because {@code ups.power.nominal} is apparent power (VA) and
 * VA × load is not watts. A value that is missing or not a finite decimal number (a driver may send
 * {@code ""}, {@code "NaN"} or text) becomes null: one odd variable must not cost the whole
 * reading. {@code ups.status} is kept verbatim ({@code OL}, {@code OB DISCHRG}, {@code OL CHRG
 * LB}); a UPS that does not report it still gives a successful reading.
 */
public final class NutVariablesMapper {

  private static final Logger log = LoggerFactory.getLogger(NutVariablesMapper.class);
  // Plain decimals only: Double.parseDouble would also take "NaN", "Infinity", "0x1p3" and "5d".
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

  public PowerReading toReading(
      ReadingIdentity identity, Map<String, String> variables, Instant timestamp) {
    var values = new Variables(identity.deviceId(), variables);
    Double load = values.number("ups.load");
    return new PowerReading(
        PowerReading.SCHEMA_VERSION,
        identity.deviceId(),
        identity.deviceType(),
        identity.poller(),
        identity.deviceName(),
        identity.host(),
        identity.port(),
        identity.collectorId(),
        timestamp,
        identity.pollIntervalSeconds(),
        null,
        realPowerWatts(values, load),
        load,
        values.number("input.voltage"),
        values.number("output.voltage"),
        values.number("input.frequency"),
        values.number("output.current"),
        values.number("battery.charge"),
        values.number("battery.charge.low"),
        values.number("battery.runtime"),
        values.text("ups.status"),
        firstNonNull(values.number("ups.temperature"), values.number("battery.temperature")),
        new DeviceMetadata(
            values.text("device.mfr", "ups.mfr"),
            values.text("device.model", "ups.model"),
            values.text("ups.firmware"),
            values.text("device.serial", "ups.serial")),
        List.of());
  }

  private static Double realPowerWatts(Variables values, Double load) {
    Double measured = values.number("ups.realpower");
    if (measured != null) {
      return measured;
    }
    Double nominal = values.number("ups.realpower.nominal");
    if (nominal != null && load != null) {
      return nominal * load / 100.0;
    }
    return null;
  }

  private static Double firstNonNull(Double first, Double second) {
    return first != null ? first : second;
  }

  /** The variables of one UPS with lenient, logged conversions. */
  private record Variables(String deviceId, Map<String, String> raw) {

    Double number(String name) {
      String value = raw.get(name);
      if (value == null) {
        return null;
      }
      String trimmed = value.trim();
      if (!DECIMAL.matcher(trimmed).matches()) {
        log.debug("{}: ignoring {}='{}', not a number", deviceId, name, value);
        return null;
      }
      double number = Double.parseDouble(trimmed);
      if (!Double.isFinite(number)) {
        log.debug("{}: ignoring {}='{}', out of range", deviceId, name, value);
        return null;
      }
      return number;
    }

    /** The first of the named variables that has a non-blank value. */
    String text(String... names) {
      for (String name : names) {
        String value = raw.get(name);
        if (value != null && !value.isBlank()) {
          return value;
        }
      }
      return null;
    }
  }
}
