/**
 * Uptime targets: one probe per type (http/https, tcp, ping, dns), the prober that turns a check
 * into a {@code ProbeResult}, and the scheduler that runs each target on its own interval.
 */
package dev.argus.collector.probe;
