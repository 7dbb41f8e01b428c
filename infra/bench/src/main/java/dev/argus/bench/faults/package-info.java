/**
 * The fault harness behind {@code infra/bin/faults.sh}: it starts the real local stack, drives a
 * known load of readings, injects a fault (a {@code kill -9}, an outage) and counts what arrived
 * against what was sent, from PostgreSQL. It reuses the benchmark's stack, producer and results.
 */
package dev.argus.bench.faults;
