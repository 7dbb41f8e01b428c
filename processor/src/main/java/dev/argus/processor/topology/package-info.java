/**
 * The one Streams topology the processor runs: a pure composition of the power, energy, target and
 * LLM builders.
 */
package dev.argus.processor.topology;
