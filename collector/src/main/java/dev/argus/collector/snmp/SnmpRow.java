package dev.argus.collector.snmp;

import java.util.Map;

/**
 * One row of a walked table.
 *
 * @param index the row index, the sub-identifiers after the column OID, e.g. {@code 3} or {@code
 *     1.3}
 * @param columns the values by requested column OID; a column the agent has no value for is absent
 */
public record SnmpRow(String index, Map<String, SnmpValue> columns) {}
