/**
 * The collector's heartbeat on {@code argus.collector.status}, with the diagnostics of the last
 * poll cycle.
 */
package dev.argus.collector.status;
