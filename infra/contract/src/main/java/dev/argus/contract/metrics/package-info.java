/**
 * What every Argus service shares to expose its metrics in the Prometheus format: the endpoint
 * settings, the HTTP server of the services without a web server (processor, collector) and the
 * consumer-lag gauge of the consumer groups a service runs. Meters follow Micrometer's names and
 * Prometheus' conventions: base units in the name, counters ending in {@code _total}.
 */
package dev.argus.contract.metrics;
