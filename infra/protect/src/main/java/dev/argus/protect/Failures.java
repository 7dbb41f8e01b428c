package dev.argus.protect;

import dev.argus.protect.ProtectException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/** What a failed exchange with a controller means, in words for the people who set it up. */
final class Failures {

  private static final Map<Integer, String> REASONS =
      Map.ofEntries(
          Map.entry(400, "Bad Request"),
          Map.entry(401, "Unauthorized"),
          Map.entry(403, "Forbidden"),
          Map.entry(404, "Not Found"),
          Map.entry(429, "Too Many Requests"),
          Map.entry(500, "Internal Server Error"),
          Map.entry(502, "Bad Gateway"),
          Map.entry(503, "Service Unavailable"),
          Map.entry(504, "Gateway Timeout"));

  static final String NOT_TRUSTED =
      "certificate not trusted (turn verify_ssl off for a self-signed controller)";

  private Failures() {}

  /** {@code 401 Unauthorized}, {@code HTTP 418}. */
  static String statusLine(int status) {
    String reason = REASONS.get(status);
    return reason == null ? "HTTP " + status : status + " " + reason;
  }

  /**
   * An exception of the JDK client as a {@link ProtectException}. The client wraps what the socket
   * said, so the cause chain is searched for the telling one.
   */
  static ProtectException of(
      Throwable failure, ProtectEndpoint endpoint, Duration connectTimeout, Duration timeout) {
    String where = endpoint.host() + ":" + endpoint.port();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ProtectException known) {
        return known;
      }
      if (t instanceof HttpConnectTimeoutException) {
        return new ProtectException(
            Kind.TIMEOUT,
            "no connection to " + where + " within " + seconds(connectTimeout),
            failure);
      }
      if (t instanceof HttpTimeoutException) {
        return new ProtectException(
            Kind.TIMEOUT, "no answer from " + where + " within " + seconds(timeout), failure);
      }
      if (t instanceof SSLHandshakeException || t instanceof SSLException) {
        return tls(failure, where);
      }
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return new ProtectException(Kind.UNREACHABLE, "unknown host " + endpoint.host(), failure);
      }
      if (t instanceof NoRouteToHostException) {
        return new ProtectException(Kind.UNREACHABLE, "no route to " + where, failure);
      }
    }
    if (failure instanceof ConnectException) {
      return new ProtectException(
          Kind.UNREACHABLE, "connection refused (nothing answers on " + where + ")", failure);
    }
    String message =
        failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    if (failure instanceof IOException) {
      return new ProtectException(
          Kind.UNREACHABLE, "connection to " + where + " lost: " + message, failure);
    }
    return new ProtectException(Kind.BAD_ANSWER, message, failure);
  }

  private static ProtectException tls(Throwable failure, String where) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CertPathValidatorException
          || t.getClass().getName().endsWith("SunCertPathBuilderException")) {
        return new ProtectException(Kind.TLS, NOT_TRUSTED, failure);
      }
      if (t instanceof CertificateException certificate) {
        String message = String.valueOf(certificate.getMessage());
        if (message.contains("subject alternative") || message.contains("No name matching")) {
          return new ProtectException(
              Kind.TLS,
              "the certificate is not for "
                  + where
                  + " (turn verify_ssl off for a self-signed controller)",
              failure);
        }
        return new ProtectException(Kind.TLS, NOT_TRUSTED, failure);
      }
    }
    String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
    return new ProtectException(
        Kind.TLS, "TLS handshake with " + where + " failed" + message, failure);
  }

  private static String seconds(Duration timeout) {
    long millis = timeout.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
