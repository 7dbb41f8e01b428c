/**
 * What the api asks of the collectors: {@code argus.commands} (each {@code poll_now} a manual poll
 * cycle, seen by every collector) and {@code argus.llm.jobs} (monitoring runs and benchmarks, each
 * run by exactly one collector of the shared group).
 */
package dev.argus.collector.commands;
