package dev.argus.collector.snmp;

/**
 * One value an agent returned, reduced to what a reading needs.
 *
 * @param number the value of an integer type (INTEGER, Counter, Gauge, TimeTicks), else null: an
 *     OCTET STRING is never read as a number, whatever it contains
 * @param text the value as text (an OCTET STRING decoded as text when printable)
 */
public record SnmpValue(Long number, String text) {}
