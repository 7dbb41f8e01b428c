/**
 * The benchmark behind {@code infra/bin/bench.sh}: it starts the real local stack and measures
 * ingest, latency and api load beside references taken on the same machine.
 */
package dev.argus.bench;
