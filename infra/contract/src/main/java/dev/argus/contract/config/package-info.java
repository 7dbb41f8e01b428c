/**
 * The managed configuration on the compacted {@code argus.config} topic: devices, uptime targets
 * and runtime settings, with the keys they are published under.
 */
package dev.argus.contract.config;
