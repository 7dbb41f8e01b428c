/**
 * The collector application: polls UPSes and PDUs and probes uptime targets, publishing what it
 * finds to Kafka; it never touches the database.
 */
package dev.argus.collector;
