/**
 * LLM monitoring: a pure Streams builder from {@code argus.readings.llm} to {@code
 * argus.llm.status} and {@code argus.events} (alert rules), and from {@code argus.llm.benchmark} to
 * {@code argus.llm.benchmark.stats}.
 */
package dev.argus.processor.llm;
