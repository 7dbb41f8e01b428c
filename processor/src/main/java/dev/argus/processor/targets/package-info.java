/**
 * Target alerts: a pure Streams builder from {@code argus.readings.probe} to {@code
 * argus.target.status} and {@code argus.events}.
 */
package dev.argus.processor.targets;
