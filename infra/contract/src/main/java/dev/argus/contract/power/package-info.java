/**
 * Power telemetry as the collectors publish it on {@code argus.readings.power}: one reading per
 * poll of a UPS or PDU, with the device's metadata and a PDU's outlets.
 */
package dev.argus.contract.power;
