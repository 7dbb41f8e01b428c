package dev.argus.collector.power.device;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which OIDs an SNMP device's reading is read from.
 *
 * <p>A field OID ending in {@code .0} is a scalar, read with one GET together with the other
 * scalars. Any other OID is a table column, walked with GETBULK: {@code power_watts} is the sum
 * over its rows (e.g. the output lines of a three-phase UPS), every other field takes the first
 * row. A column that yields no rows is read with GET instead, so a table cell such as {@code
 * ...7.1} can be named directly.
 *
 * <p>UPSes start from {@link #UPS_MIB} (RFC 1628); PDUs start empty, because there is no standard
 * PDU MIB: their outlet table columns (and scalars) come from configuration. Configured entries
 * replace the defaults field by field; an empty value removes a default.
 *
 * @param outletColumns the PDU outlet table: each row is an outlet, its index the last
 *     sub-identifier of the row index
 */
public record SnmpOidMap(
    Map<SnmpField, ScaledOid> fields, Map<OutletColumn, ScaledOid> outletColumns) {

  /**
   * The UPS-MIB (RFC 1628, {@code 1.3.6.1.2.1.33}) objects a UPS reading is read from by default.
   */
  public static final Map<SnmpField, ScaledOid> UPS_MIB =
      Collections.unmodifiableMap(
          new EnumMap<>(
              Map.ofEntries(
                  Map.entry(SnmpField.MANUFACTURER, ScaledOid.parse("1.3.6.1.2.1.33.1.1.1.0")),
                  Map.entry(SnmpField.MODEL, ScaledOid.parse("1.3.6.1.2.1.33.1.1.2.0")),
                  Map.entry(SnmpField.FIRMWARE, ScaledOid.parse("1.3.6.1.2.1.33.1.1.3.0")),
                  Map.entry(SnmpField.BATTERY_STATUS, ScaledOid.parse("1.3.6.1.2.1.33.1.2.1.0")),
                  Map.entry(
                      SnmpField.RUNTIME_SECONDS, ScaledOid.parse("1.3.6.1.2.1.33.1.2.3.0*60")),
                  Map.entry(SnmpField.BATTERY_PERCENT, ScaledOid.parse("1.3.6.1.2.1.33.1.2.4.0")),
                  Map.entry(SnmpField.TEMPERATURE_C, ScaledOid.parse("1.3.6.1.2.1.33.1.2.7.0")),
                  Map.entry(
                      SnmpField.INPUT_FREQUENCY, ScaledOid.parse("1.3.6.1.2.1.33.1.3.3.1.2*0.1")),
                  Map.entry(SnmpField.VOLTAGE, ScaledOid.parse("1.3.6.1.2.1.33.1.3.3.1.3")),
                  Map.entry(SnmpField.OUTPUT_SOURCE, ScaledOid.parse("1.3.6.1.2.1.33.1.4.1.0")),
                  Map.entry(SnmpField.OUTPUT_VOLTAGE, ScaledOid.parse("1.3.6.1.2.1.33.1.4.4.1.2")),
                  Map.entry(
                      SnmpField.OUTPUT_CURRENT, ScaledOid.parse("1.3.6.1.2.1.33.1.4.4.1.3*0.1")),
                  Map.entry(SnmpField.POWER_WATTS, ScaledOid.parse("1.3.6.1.2.1.33.1.4.4.1.4")),
                  Map.entry(SnmpField.LOAD_PERCENT, ScaledOid.parse("1.3.6.1.2.1.33.1.4.4.1.5")))));

  public SnmpOidMap {
    fields =
        Collections.unmodifiableMap(
            fields.isEmpty() ? new EnumMap<>(SnmpField.class) : new EnumMap<>(fields));
    outletColumns =
        Collections.unmodifiableMap(
            outletColumns.isEmpty()
                ? new EnumMap<>(OutletColumn.class)
                : new EnumMap<>(outletColumns));
    if (!outletColumns.isEmpty()
        && !outletColumns.containsKey(OutletColumn.POWER)
        && !outletColumns.containsKey(OutletColumn.CURRENT)) {
      throw new IllegalArgumentException(
          "the outlet table needs a power or current column, not only the name");
    }
  }

  /**
   * The defaults for the device type with the configured entries applied.
   *
   * @param fieldOids by field name ({@code power_watts: 1.3.6...*0.1}); null for none
   * @param outletOids by column name ({@code name}, {@code power}, {@code current}); null for none
   */
  public static SnmpOidMap of(
      String type, Map<String, String> fieldOids, Map<String, String> outletOids) {
    Map<SnmpField, ScaledOid> fields = new EnumMap<>(SnmpField.class);
    if ("ups".equals(type)) {
      fields.putAll(UPS_MIB);
    }
    if (fieldOids != null) {
      fieldOids.forEach((name, oid) -> apply(fields, SnmpField.parse(name), oid, "oids." + name));
    }
    Map<OutletColumn, ScaledOid> outlets = new EnumMap<>(OutletColumn.class);
    if (outletOids != null) {
      outletOids.forEach(
          (name, oid) -> apply(outlets, OutletColumn.parse(name), oid, "outlet-table." + name));
    }
    if ("pdu".equals(type) && outlets.isEmpty() && !fields.containsKey(SnmpField.POWER_WATTS)) {
      throw new IllegalArgumentException(
          "a pdu has no standard MIB: give its outlet table columns"
              + " (outlet-table.power/current/name, or outlet.power=OID in a URI) or at least"
              + " oids.power_watts");
    }
    return new SnmpOidMap(fields, outlets);
  }

  private static <K> void apply(Map<K, ScaledOid> map, K key, String oid, String setting) {
    if (oid == null || oid.isBlank()) {
      map.remove(key);
      return;
    }
    try {
      map.put(key, ScaledOid.parse(oid));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(setting + ": " + e.getMessage(), null);
    }
  }
}
