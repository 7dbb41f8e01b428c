package dev.argus.api.targets;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;

/**
 * The body of {@code POST} and {@code PUT /api/v1/targets[/{id}]} (and what a {@code PATCH} is
 * merged into). Omitted or null fields take their defaults: check every 60 s, alert after 3
 * failures, enabled, a 10 s timeout; http(s) follows redirects and verifies TLS; dns asks for A
 * records; no {@code collector_id}, so every collector that accepts unassigned targets probes it.
 * Type-dependent rules on the address are in {@link TargetRules}.
 */
record TargetRequest(
    @JsonProperty("name")
        @NotBlank(message = "name must not be blank")
        @Size(max = 200, message = "name must be at most 200 characters")
        String name,
    @JsonProperty("type")
        @NotNull(message = "type is required: one of " + TargetRules.TYPES)
        @Pattern(
            regexp = "http|https|tcp|ping|dns",
            message = "type must be one of " + TargetRules.TYPES)
        String type,
    @JsonProperty("address")
        @NotBlank(message = "address must not be blank")
        @Size(max = 2048, message = "address must be at most 2048 characters")
        String address,
    @JsonProperty("check_interval_seconds")
        @Min(value = 10, message = "check_interval_seconds must be between 10 and 3600")
        @Max(value = 3600, message = "check_interval_seconds must be between 10 and 3600")
        Integer checkIntervalSeconds,
    @JsonProperty("failure_threshold")
        @Min(value = 1, message = "failure_threshold must be between 1 and 10")
        @Max(value = 10, message = "failure_threshold must be between 1 and 10")
        Integer failureThreshold,
    @JsonProperty("enabled") Boolean enabled,
    @JsonProperty("site") @Size(max = 100, message = "site must be at most 100 characters")
        String site,
    @JsonProperty("expected_status_codes")
        @Size(max = 50, message = "expected_status_codes may list at most 50 codes")
        List<
                @NotNull(
                    message = "expected_status_codes must be HTTP status codes between 100 and 599")
                @Min(
                    value = 100,
                    message = "expected_status_codes must be HTTP status codes between 100 and 599")
                @Max(
                    value = 599,
                    message = "expected_status_codes must be HTTP status codes between 100 and 599")
                Integer>
            expectedStatusCodes,
    @JsonProperty("keyword") @Size(max = 1000, message = "keyword must be at most 1000 characters")
        String keyword,
    @JsonProperty("follow_redirects") Boolean followRedirects,
    @JsonProperty("verify_tls") Boolean verifyTls,
    @JsonProperty("cert_expiry_warning_days")
        @Min(value = 0, message = "cert_expiry_warning_days must be between 0 and 365")
        @Max(value = 365, message = "cert_expiry_warning_days must be between 0 and 365")
        Integer certExpiryWarningDays,
    @JsonProperty("dns_record_type")
        @Pattern(
            regexp = "A|AAAA|CNAME|MX|TXT|NS",
            message = "dns_record_type must be one of A, AAAA, CNAME, MX, TXT, NS")
        String dnsRecordType,
    @JsonProperty("dns_expected")
        @Size(max = 1000, message = "dns_expected must be at most 1000 characters")
        String dnsExpected,
    @JsonProperty("timeout_seconds")
        @Min(value = 1, message = "timeout_seconds must be between 1 and 120")
        @Max(value = 120, message = "timeout_seconds must be between 1 and 120")
        Integer timeoutSeconds,
    @JsonProperty("alert_repeat_minutes")
        @Min(value = 0, message = "alert_repeat_minutes must be between 0 (never) and 10080")
        @Max(value = 10_080, message = "alert_repeat_minutes must be between 0 (never) and 10080")
        Integer alertRepeatMinutes,
    @JsonProperty("collector_id")
        @Pattern(
            regexp = COLLECTOR_ID_FORMAT,
            message =
                "collector_id must be 1-64 letters, digits, '.', '_', ':' or '-', got"
                    + " '${validatedValue}'")
        String collectorId) {

  /** As a device's {@code collector_id}: usable in a topic key and a URL. */
  static final String COLLECTOR_ID_FORMAT = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

  static final int DEFAULT_TIMEOUT_SECONDS = 10;

  TargetRequest {
    name = name == null ? null : name.strip();
    type = type == null ? null : type.strip().toLowerCase(Locale.ROOT);
    address = address == null ? null : address.strip();
    site = site == null || site.isBlank() ? null : site.strip();
    collectorId = collectorId == null || collectorId.isBlank() ? null : collectorId;
    checkIntervalSeconds = checkIntervalSeconds != null ? checkIntervalSeconds : 60;
    failureThreshold = failureThreshold != null ? failureThreshold : 3;
    enabled = enabled == null || enabled;
    timeoutSeconds = timeoutSeconds != null ? timeoutSeconds : DEFAULT_TIMEOUT_SECONDS;
    boolean web = "http".equals(type) || "https".equals(type);
    if (web) {
      followRedirects = followRedirects == null || followRedirects;
      verifyTls = verifyTls == null || verifyTls;
    }
    if (dnsRecordType != null) {
      dnsRecordType = dnsRecordType.strip().toUpperCase(Locale.ROOT);
    } else if ("dns".equals(type)) {
      dnsRecordType = "A";
    }
  }

  TargetRequest withAddress(String newAddress) {
    return new TargetRequest(
        name,
        type,
        newAddress,
        checkIntervalSeconds,
        failureThreshold,
        enabled,
        site,
        expectedStatusCodes,
        keyword,
        followRedirects,
        verifyTls,
        certExpiryWarningDays,
        dnsRecordType,
        dnsExpected,
        timeoutSeconds,
        alertRepeatMinutes,
        collectorId);
  }

  TargetOptions options() {
    return new TargetOptions(
        expectedStatusCodes,
        keyword,
        followRedirects,
        verifyTls,
        certExpiryWarningDays,
        dnsRecordType,
        dnsExpected,
        timeoutSeconds);
  }
}
