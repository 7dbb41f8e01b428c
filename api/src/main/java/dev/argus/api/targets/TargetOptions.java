package dev.argus.api.targets;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The type-specific settings of a target, stored together in {@code targets.options} (jsonb) and
 * shown in the API as top-level fields beside the common ones.
 */
record TargetOptions(
    @JsonProperty("expected_status_codes") List<Integer> expectedStatusCodes,
    @JsonProperty("keyword") String keyword,
    @JsonProperty("follow_redirects") Boolean followRedirects,
    @JsonProperty("verify_tls") Boolean verifyTls,
    @JsonProperty("cert_expiry_warning_days") Integer certExpiryWarningDays,
    @JsonProperty("dns_record_type") String dnsRecordType,
    @JsonProperty("dns_expected") String dnsExpected,
    @JsonProperty("timeout_seconds") Integer timeoutSeconds) {}
