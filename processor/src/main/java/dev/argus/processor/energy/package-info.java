/**
 * Energy: a pure Streams builder integrating {@code argus.readings.power} into running totals on
 * {@code argus.energy}.
 */
package dev.argus.processor.energy;
