/**
 * The devices the collector polls and their settings: {@code nut://} and {@code snmp://} URIs,
 * configuration-file entries, api-managed {@code connection_config}, and SNMP OID maps with the
 * UPS-MIB defaults.
 */
package dev.argus.collector.power.device;
