package dev.argus.api.system.tls;

import dev.argus.api.system.tls.SslStatus.CertificateInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.springframework.stereotype.Component;

/**
 * The certificate chain Tomcat serves, read from {@code ARGUS_API_TLS_CERTIFICATE} once at start
 * (as Tomcat read it), with JCA's X.509 parser.
 */
@Component
class ServedCertificate {

  private final TlsProperties tls;
  private final Clock clock;
  private final List<X509Certificate> chain;

  ServedCertificate(TlsProperties tls, Clock clock) {
    this.tls = tls;
    this.clock = clock;
    this.chain = tls.enabled() ? read(Path.of(tls.certificate())) : List.of();
  }

  SslStatus status() {
    if (!tls.enabled()) {
      return new SslStatus(false, null, null);
    }
    return new SslStatus(true, tls.certificate(), info(chain.getFirst(), clock.instant()));
  }

  private CertificateInfo info(X509Certificate certificate, Instant now) {
    Instant notAfter = certificate.getNotAfter().toInstant();
    return new CertificateInfo(
        certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
        certificate.getIssuerX500Principal().getName(X500Principal.RFC2253),
        certificate.getSerialNumber().toString(16),
        alternativeNames(certificate),
        certificate.getNotBefore().toInstant(),
        notAfter,
        Duration.between(now, notAfter).toDays(),
        now.isAfter(notAfter),
        certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()),
        chain.size());
  }

  /** DNS names (type 2) and IP addresses (type 7), as the certificate lists them. */
  private static List<String> alternativeNames(X509Certificate certificate) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> entries =
          Optional.ofNullable(certificate.getSubjectAlternativeNames()).orElse(List.of());
      for (List<?> entry : entries) {
        if (entry.size() == 2
            && entry.get(0) instanceof Integer type
            && (type == 2 || type == 7)
            && entry.get(1) instanceof String name) {
          names.add(name);
        }
      }
    } catch (CertificateParsingException e) {
      // A certificate Tomcat accepted but whose extension JCA cannot read: report no names.
    }
    return names;
  }

  private static List<X509Certificate> read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      List<X509Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
              .map(X509Certificate.class::cast)
              .toList();
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException(
            "argus.api.tls.certificate (ARGUS_API_TLS_CERTIFICATE): "
                + file
                + " holds no"
                + " PEM certificate");
      }
      return certificates;
    } catch (IOException | CertificateException e) {
      throw new IllegalArgumentException(
          "argus.api.tls.certificate (ARGUS_API_TLS_CERTIFICATE): cannot read a PEM certificate"
              + " from "
              + file
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
