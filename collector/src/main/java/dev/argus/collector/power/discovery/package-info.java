/**
 * Discovers the UPSes of the NUT server the runtime configuration names ({@code nut_host}), so each
 * is polled as a device.
 */
package dev.argus.collector.power.discovery;
