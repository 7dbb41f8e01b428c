package dev.argus.api.targets;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.argus.contract.config.TargetConfig;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An uptime target as the api shows it: its settings, flat, and its current state. A password in
 * the address is masked in responses only; {@link #toConfig()} carries it to the collectors.
 */
record Target(
    @JsonProperty("id") long id,
    @JsonProperty("name") String name,
    @JsonProperty("type") String type,
    @JsonProperty("address") @JsonSerialize(converter = TargetAddresses.MaskedInResponses.class)
        String address,
    @JsonProperty("check_interval_seconds") int checkIntervalSeconds,
    @JsonProperty("failure_threshold") int failureThreshold,
    @JsonProperty("enabled") boolean enabled,
    @Schema(nullable = true) @JsonProperty("site") String site,
    @Schema(
            nullable = true,
            description =
                "The collector that probes the target; null: every collector that accepts"
                    + " unassigned targets")
        @JsonProperty("collector_id")
        String collectorId,
    @JsonUnwrapped TargetOptions options,
    @Schema(nullable = true) @JsonProperty("alert_repeat_minutes") Integer alertRepeatMinutes,
    @Schema(nullable = true) @JsonProperty("acknowledged_at") Instant acknowledgedAt,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt,
    @Schema(nullable = true) @JsonProperty("current_status") TargetState currentStatus) {

  /** The settings as a request, for a PATCH to be merged into. */
  TargetRequest toRequest() {
    return new TargetRequest(
        name,
        type,
        address,
        checkIntervalSeconds,
        failureThreshold,
        enabled,
        site,
        options.expectedStatusCodes(),
        options.keyword(),
        options.followRedirects(),
        options.verifyTls(),
        options.certExpiryWarningDays(),
        options.dnsRecordType(),
        options.dnsExpected(),
        options.timeoutSeconds(),
        alertRepeatMinutes,
        collectorId);
  }

  /** What collectors and the processor get on {@code argus.config}. */
  TargetConfig toConfig() {
    return new TargetConfig(
        id,
        name,
        type,
        address,
        checkIntervalSeconds,
        failureThreshold,
        enabled,
        site,
        options.expectedStatusCodes(),
        options.keyword(),
        options.followRedirects(),
        options.verifyTls(),
        options.certExpiryWarningDays(),
        options.dnsRecordType(),
        options.dnsExpected(),
        options.timeoutSeconds(),
        alertRepeatMinutes,
        acknowledgedAt,
        collectorId);
  }
}
