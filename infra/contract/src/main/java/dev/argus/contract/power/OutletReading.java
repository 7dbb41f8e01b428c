package dev.argus.contract.power;

/**
 * One outlet of a PDU as polled (over SNMP, from the vendor's or the default outlet table). Values
 * the PDU does not report are null.
 *
 * @param index the outlet's index in the device's table (1-based, as the device numbers it)
 */
public record OutletReading(int index, String name, Double powerWatts, Double currentAmps) {}
