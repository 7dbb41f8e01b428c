package dev.argus.collector.power;

import dev.argus.collector.power.device.OutletColumn;
import dev.argus.collector.power.device.ScaledOid;
import dev.argus.collector.power.device.SnmpField;
import dev.argus.collector.power.device.SnmpOidMap;
import dev.argus.collector.snmp.SnmpRow;
import dev.argus.collector.snmp.SnmpValue;
import dev.argus.contract.power.DeviceMetadata;
import dev.argus.contract.power.OutletReading;
import dev.argus.contract.power.PowerReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the values read from an SNMP agent into a {@link PowerReading}.
 *
 * <p>Numbers are the agent's integers times the field's factor; a value of another type (an OCTET
 * STRING where a number belongs, say) or a missing one becomes null: one odd object must not cost
 * the whole reading. {@code power_watts} is the sum over the rows of its column (all output lines),
 * every other column field the first row; without a {@code power_watts} OID a PDU's power is the
 * sum of its outlets' power.
 *
 * <p>{@code ups_status} is built from the UPS-MIB's upsOutputSource and upsBatteryStatus as NUT
 * writes it, so that the processor's rules (OL/OB/LB flags) apply unchanged: normal → {@code OL},
 * battery → {@code OB}, bypass → {@code OL BYPASS}, booster → {@code OL BOOST}, reducer → {@code OL
 * TRIM}, none → {@code OFF}, each with {@code LB} added while the battery is low or depleted.
 */
public final class SnmpReadingMapper {

  static final String POLLER = "snmp";
  private static final Logger log = LoggerFactory.getLogger(SnmpReadingMapper.class);

  /**
   * @param fieldValues by OID of each field: the value of a scalar, the rows of a column in index
   *     order
   * @param outletRows the outlet table's rows, empty when the device has none
   */
  public PowerReading toReading(
      ReadingIdentity identity,
      SnmpOidMap oids,
      Map<String, List<SnmpValue>> fieldValues,
      List<SnmpRow> outletRows,
      Instant timestamp) {
    var values = new Values(identity.deviceId(), oids, fieldValues);
    List<OutletReading> outlets = outlets(identity.deviceId(), oids.outletColumns(), outletRows);
    Double power =
        oids.fields().containsKey(SnmpField.POWER_WATTS)
            ? values.sum(SnmpField.POWER_WATTS)
            : outletPower(outlets);
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
        power,
        values.number(SnmpField.LOAD_PERCENT),
        values.number(SnmpField.VOLTAGE),
        values.number(SnmpField.OUTPUT_VOLTAGE),
        values.number(SnmpField.INPUT_FREQUENCY),
        values.number(SnmpField.OUTPUT_CURRENT),
        values.number(SnmpField.BATTERY_PERCENT),
        values.number(SnmpField.BATTERY_LOW_PERCENT),
        values.number(SnmpField.RUNTIME_SECONDS),
        upsStatus(values.raw(SnmpField.OUTPUT_SOURCE), values.raw(SnmpField.BATTERY_STATUS)),
        values.number(SnmpField.TEMPERATURE_C),
        new DeviceMetadata(
            values.text(SnmpField.MANUFACTURER),
            values.text(SnmpField.MODEL),
            values.text(SnmpField.FIRMWARE),
            values.text(SnmpField.SERIAL)),
        outlets);
  }

  /**
   * NUT's status words for UPS-MIB upsOutputSource and upsBatteryStatus; null when neither is
   * known.
   */
  static String upsStatus(Long outputSource, Long batteryStatus) {
    List<String> flags = new ArrayList<>();
    if (outputSource != null) {
      switch (outputSource.intValue()) {
        case 2 -> flags.add("OFF");
        case 3 -> flags.add("OL");
        case 4 -> flags.addAll(List.of("OL", "BYPASS"));
        case 5 -> flags.add("OB");
        case 6 -> flags.addAll(List.of("OL", "BOOST"));
        case 7 -> flags.addAll(List.of("OL", "TRIM"));
        default -> log.debug("upsOutputSource {} has no NUT status word", outputSource);
      }
    }
    if (batteryStatus != null && (batteryStatus == 3 || batteryStatus == 4)) {
      flags.add("LB");
    }
    return flags.isEmpty() ? null : String.join(" ", flags);
  }

  private static List<OutletReading> outlets(
      String deviceId, Map<OutletColumn, ScaledOid> columns, List<SnmpRow> rows) {
    List<OutletReading> outlets = new ArrayList<>();
    for (SnmpRow row : rows) {
      String index = row.index().substring(row.index().lastIndexOf('.') + 1);
      int number;
      try {
        number = Integer.parseInt(index);
      } catch (NumberFormatException e) {
        log.debug("{}: ignoring outlet row {}, its index is not a number", deviceId, row.index());
        continue;
      }
      SnmpValue name = cell(row, columns.get(OutletColumn.NAME));
      outlets.add(
          new OutletReading(
              number,
              name == null || name.text().isBlank() ? null : name.text().trim(),
              scaled(
                  deviceId,
                  columns.get(OutletColumn.POWER),
                  cell(row, columns.get(OutletColumn.POWER))),
              scaled(
                  deviceId,
                  columns.get(OutletColumn.CURRENT),
                  cell(row, columns.get(OutletColumn.CURRENT)))));
    }
    return List.copyOf(outlets);
  }

  private static Double outletPower(List<OutletReading> outlets) {
    return outlets.stream()
        .map(OutletReading::powerWatts)
        .filter(watts -> watts != null)
        .reduce(Double::sum)
        .orElse(null);
  }

  private static SnmpValue cell(SnmpRow row, ScaledOid column) {
    return column == null ? null : row.columns().get(column.oid());
  }

  private static Double scaled(String deviceId, ScaledOid oid, SnmpValue value) {
    if (value == null) {
      return null;
    }
    if (value.number() == null) {
      log.debug("{}: ignoring {}='{}', not a number", deviceId, oid.oid(), value.text());
      return null;
    }
    return value.number() * oid.scale();
  }

  /** The values of one poll by field, with lenient, logged conversions. */
  private record Values(String deviceId, SnmpOidMap oids, Map<String, List<SnmpValue>> byOid) {

    List<SnmpValue> of(SnmpField field) {
      ScaledOid oid = oids.fields().get(field);
      return oid == null ? List.of() : byOid.getOrDefault(oid.oid(), List.of());
    }

    Double number(SnmpField field) {
      List<SnmpValue> values = of(field);
      return values.isEmpty()
          ? null
          : scaled(deviceId, oids.fields().get(field), values.getFirst());
    }

    /** The sum over all rows, skipping values that are not numbers; null when none is. */
    Double sum(SnmpField field) {
      return of(field).stream()
          .map(value -> scaled(deviceId, oids.fields().get(field), value))
          .filter(number -> number != null)
          .reduce(Double::sum)
          .orElse(null);
    }

    /** The unscaled integer, for enumerations. */
    Long raw(SnmpField field) {
      List<SnmpValue> values = of(field);
      return values.isEmpty() ? null : values.getFirst().number();
    }

    String text(SnmpField field) {
      List<SnmpValue> values = of(field);
      if (values.isEmpty() || values.getFirst().text().isBlank()) {
        return null;
      }
      return values.getFirst().text().trim();
    }
  }
}
