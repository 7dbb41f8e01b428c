package dev.argus.api.system.health;

import dev.argus.contract.settings.Durations;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of {@code GET /api/v1/system/health}, bound from {@code argus.api.system-health.*}.
 *
 * @param collectorHeartbeatInterval {@code ARGUS_API_COLLECTOR_HEARTBEAT_INTERVAL}: how often
 *     collectors send their heartbeat (their {@code ARGUS_HEARTBEAT_INTERVAL}); a collector silent
 *     for three intervals is stale, and so is a processor that wrote nothing for as long
 * @param cameraStatusInterval {@code ARGUS_API_CAMERA_STATUS_INTERVAL}: how often camera workers
 *     report their status; a worker silent for two intervals is stale
 * @param brokerTimeout {@code ARGUS_API_HEALTH_BROKER_TIMEOUT}: the longest wait for the broker to
 *     describe its cluster before it counts as down
 */
@ConfigurationProperties("argus.api.system-health")
record SystemHealthProperties(
    Duration collectorHeartbeatInterval, Duration cameraStatusInterval, Duration brokerTimeout) {

  SystemHealthProperties {
    Durations.requirePositive(
        collectorHeartbeatInterval,
        "argus.api.system-health.collector-heartbeat-interval"
            + " (ARGUS_API_COLLECTOR_HEARTBEAT_INTERVAL)",
        "10s");
    Durations.requirePositive(
        cameraStatusInterval,
        "argus.api.system-health.camera-status-interval (ARGUS_API_CAMERA_STATUS_INTERVAL)",
        "30s");
    Durations.requirePositive(
        brokerTimeout,
        "argus.api.system-health.broker-timeout (ARGUS_API_HEALTH_BROKER_TIMEOUT)",
        "2s");
  }

  Duration collectorStaleAfter() {
    return collectorHeartbeatInterval.multipliedBy(3);
  }

  Duration cameraStaleAfter() {
    return cameraStatusInterval.multipliedBy(2);
  }
}
