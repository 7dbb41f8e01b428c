package dev.argus.collector.power.device;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The reading fields an SNMP device's OID map can name, by their names in the reading ({@code
 * power_watts} ...), plus the two UPS-MIB enumerations the {@code ups_status} is derived from.
 */
public enum SnmpField {
  POWER_WATTS,
  LOAD_PERCENT,
  VOLTAGE,
  OUTPUT_VOLTAGE,
  INPUT_FREQUENCY,
  OUTPUT_CURRENT,
  BATTERY_PERCENT,
  BATTERY_LOW_PERCENT,
  RUNTIME_SECONDS,
  TEMPERATURE_C,
  /** UPS-MIB upsBatteryStatus: 1 unknown, 2 normal, 3 low, 4 depleted. */
  BATTERY_STATUS,
  /**
   * UPS-MIB upsOutputSource: 1 other, 2 none, 3 normal, 4 bypass, 5 battery, 6 booster, 7 reducer.
   */
  OUTPUT_SOURCE,
  MANUFACTURER,
  MODEL,
  FIRMWARE,
  SERIAL;

  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException listing the known names
   */
  public static SnmpField parse(String name) {
    String wanted = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (SnmpField field : values()) {
      if (field.name().equals(wanted)) {
        return field;
      }
    }
    throw new IllegalArgumentException(
        "unknown OID map field '"
            + name
            + "' (known: "
            + Arrays.stream(values()).map(SnmpField::configName).collect(Collectors.joining(", "))
            + ")");
  }
}
