package dev.argus.api.targets;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The type-specific settings of a target, stored together in {@code targets.options} (jsonb) and
 * shown in the API as top-level fields beside the common ones.
 */
record TargetOptions(
    @Schema(nullable = true) @JsonProperty("expected_status_codes")
        List<Integer> expectedStatusCodes,
    @Schema(nullable = true) @JsonProperty("keyword") String keyword,
    @Schema(nullable = true) @JsonProperty("follow_redirects") Boolean followRedirects,
    @Schema(nullable = true) @JsonProperty("verify_tls") Boolean verifyTls,
    @Schema(nullable = true) @JsonProperty("cert_expiry_warning_days")
        Integer certExpiryWarningDays,
    @Schema(nullable = true) @JsonProperty("dns_record_type") String dnsRecordType,
    @Schema(nullable = true) @JsonProperty("dns_expected") String dnsExpected,
    @JsonProperty("timeout_seconds") Integer timeoutSeconds) {}
