package dev.argus.api.system.tls;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /api/v1/system/ssl-status}.
 *
 * @param enabled whether the api serves HTTPS
 * @param certificatePath the PEM file of {@code ARGUS_API_TLS_CERTIFICATE}; null without TLS
 * @param certificate the server certificate loaded at start; null without TLS
 */
record SslStatus(
    boolean enabled,
    @JsonProperty("certificate_path") @Schema(nullable = true) String certificatePath,
    @Schema(nullable = true) CertificateInfo certificate) {

  /**
   * @param subject the distinguished name, RFC 2253 (e.g. {@code CN=argus.example.net})
   * @param subjectAltNames DNS names and IP addresses it is valid for
   * @param daysLeft whole days until {@code not_after} (negative once expired)
   * @param chainLength certificates in the file: the server's and its intermediates
   */
  record CertificateInfo(
      String subject,
      String issuer,
      @JsonProperty("serial_number") String serialNumber,
      @JsonProperty("subject_alt_names") List<String> subjectAltNames,
      @JsonProperty("not_before") Instant notBefore,
      @JsonProperty("not_after") Instant notAfter,
      @JsonProperty("days_left") long daysLeft,
      boolean expired,
      @JsonProperty("self_signed") boolean selfSigned,
      @JsonProperty("chain_length") int chainLength) {}
}
