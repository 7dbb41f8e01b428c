/**
 * The one Streams topology the processor runs: a pure composition of the power, energy and target
 * builders.
 */
package dev.argus.processor.topology;
