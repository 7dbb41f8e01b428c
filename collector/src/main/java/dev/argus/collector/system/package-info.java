/**
 * The collector's settings records, bound and validated at start-up, and the Spring wiring of its
 * parts.
 */
package dev.argus.collector.system;
