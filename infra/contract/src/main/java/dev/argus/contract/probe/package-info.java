/**
 * Uptime checks: the collectors' probe results on {@code argus.readings.probe} and the processor's
 * per-target status derived from them.
 */
package dev.argus.contract.probe;
