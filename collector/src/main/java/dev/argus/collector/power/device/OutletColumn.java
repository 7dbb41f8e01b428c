package dev.argus.collector.power.device;

import java.util.Locale;

/** The columns of a PDU's outlet table an SNMP device's configuration can name. */
public enum OutletColumn {
  NAME,
  POWER,
  CURRENT;

  /**
   * @throws IllegalArgumentException listing the known names
   */
  public static OutletColumn parse(String name) {
    String wanted = name.trim().toUpperCase(Locale.ROOT);
    for (OutletColumn column : values()) {
      if (column.name().equals(wanted)) {
        return column;
      }
    }
    throw new IllegalArgumentException(
        "unknown outlet table column '" + name + "' (known: name, power, current)");
  }
}
