package dev.argus.api.system.tls;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/system/ssl-status}. */
@RestController
@Tag(name = "system")
class SslStatusController {

  private final ServedCertificate certificate;

  SslStatusController(ServedCertificate certificate) {
    this.certificate = certificate;
  }

  @GetMapping("/api/v1/system/ssl-status")
  @Operation(
      summary = "Whether the api serves HTTPS, and its certificate's subject, issuer and expiry")
  SslStatus sslStatus() {
    return certificate.status();
  }
}
