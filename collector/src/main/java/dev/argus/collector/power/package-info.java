/**
 * How a UPS or PDU is polled: one poller per protocol (NUT, SNMP) that turns a device's answer into
 * {@code PowerReading}s, failed polls included; the device settings, the discovery of NUT UPSes and
 * the poll cycle live in the sub-packages.
 */
package dev.argus.collector.power;
