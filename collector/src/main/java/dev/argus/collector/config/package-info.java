/**
 * Reads {@code argus.config} and keeps what it says for this collector: the devices it polls
 * (static and api-managed), the runtime settings that make its poll plan, and the uptime targets it
 * hands to the probes.
 */
package dev.argus.collector.config;
