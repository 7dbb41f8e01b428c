package dev.argus.collector.power;

import dev.argus.collector.power.device.ScaledOid;
import dev.argus.collector.power.device.SnmpDevice;
import dev.argus.collector.power.device.SnmpOidMap;
import dev.argus.collector.snmp.SnmpClient;
import dev.argus.collector.snmp.SnmpException;
import dev.argus.collector.snmp.SnmpRow;
import dev.argus.collector.snmp.SnmpValue;
import dev.argus.contract.power.PowerReading;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Polls one SNMP device and returns its one reading, failed polls included: it never throws for
 * anything the agent does.
 *
 * <p>A poll is at most four requests, each bounded by the device's timeout × (retries + 1): one GET
 * of the scalar OIDs, one walk of the column OIDs, one GET of the columns that had no rows (table
 * cells named directly), and one walk of the outlet table. Any request failing fails the poll: a
 * half-read reading would look like a device whose values went missing.
 */
public final class SnmpPowerPoller {

  private final SnmpReadingMapper mapper;
  private final String collectorId;
  private final LongSupplier pollIntervalSeconds;
  private final Clock clock;

  public SnmpPowerPoller(
      SnmpReadingMapper mapper, String collectorId, long pollIntervalSeconds, Clock clock) {
    this(mapper, collectorId, () -> pollIntervalSeconds, clock);
  }

  /**
   * @param pollIntervalSeconds the interval each reading states, read at every poll: the runtime
   *     configuration may change it while the collector runs
   */
  public SnmpPowerPoller(
      SnmpReadingMapper mapper, String collectorId, LongSupplier pollIntervalSeconds, Clock clock) {
    this.mapper = mapper;
    this.collectorId = collectorId;
    this.pollIntervalSeconds = pollIntervalSeconds;
    this.clock = clock;
  }

  public PowerReading poll(SnmpDevice device) {
    ReadingIdentity identity = identity(device);
    try (SnmpClient client = SnmpClient.open(device.target())) {
      Map<String, List<SnmpValue>> fieldValues = readFields(client, device.oids());
      List<SnmpRow> outlets =
          device.oids().outletColumns().isEmpty()
              ? List.of()
              : client.walk(
                  device.oids().outletColumns().values().stream()
                      .map(ScaledOid::oid)
                      .distinct()
                      .toList());
      return mapper.toReading(identity, device.oids(), fieldValues, outlets, clock.instant());
    } catch (SnmpException e) {
      return identity.failed(clock.instant(), e.getMessage());
    }
  }

  /** The reading of a poll of {@code device} that did not complete, e.g. ran past its deadline. */
  public PowerReading failedReading(SnmpDevice device, String error) {
    return identity(device).failed(clock.instant(), error);
  }

  private static Map<String, List<SnmpValue>> readFields(SnmpClient client, SnmpOidMap oids)
      throws SnmpException {
    List<String> scalars = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    for (ScaledOid oid : oids.fields().values()) {
      List<String> kind = oid.isScalarInstance() ? scalars : columns;
      if (!kind.contains(oid.oid())) {
        kind.add(oid.oid());
      }
    }
    Map<String, List<SnmpValue>> values = new HashMap<>();
    if (!scalars.isEmpty()) {
      client.get(scalars).forEach((oid, value) -> values.put(oid, List.of(value)));
    }
    if (!columns.isEmpty()) {
      for (SnmpRow row : client.walk(columns)) {
        row.columns()
            .forEach(
                (column, value) ->
                    values.computeIfAbsent(column, c -> new ArrayList<>()).add(value));
      }
      List<String> withoutRows =
          columns.stream().filter(column -> !values.containsKey(column)).toList();
      if (!withoutRows.isEmpty()) {
        client.get(withoutRows).forEach((oid, value) -> values.put(oid, List.of(value)));
      }
    }
    return values;
  }

  private ReadingIdentity identity(SnmpDevice device) {
    return new ReadingIdentity(
        SnmpReadingMapper.POLLER,
        device.id(),
        device.type(),
        device.name(),
        device.host(),
        device.port(),
        collectorId,
        pollIntervalSeconds.getAsLong());
  }
}
