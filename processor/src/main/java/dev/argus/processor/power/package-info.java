/**
 * Power events: a pure Streams builder from {@code argus.readings.power} to {@code argus.events},
 * its per-device state and rules.
 */
package dev.argus.processor.power;
