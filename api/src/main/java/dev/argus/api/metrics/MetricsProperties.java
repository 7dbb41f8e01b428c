package dev.argus.api.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether the deployment serves {@code GET /metrics} whatever the runtime settings say.
 *
 * @param enabled {@code ARGUS_METRICS_ENABLED} (default false): true serves it always, as a
 *     deployment with Prometheus wants (the local stack, docker-compose.yml); false leaves it to
 *     {@code prometheus} in {@code enabled_exporters}, as the seed has it (404 until then). A
 *     setting of the environment rather than a {@code PUT /api/config}: that one also publishes the
 *     polling interval to every collector.
 */
@ConfigurationProperties("argus.metrics")
public record MetricsProperties(boolean enabled) {}
