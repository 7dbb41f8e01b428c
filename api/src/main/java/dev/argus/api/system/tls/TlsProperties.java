package dev.argus.api.system.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether the api serves HTTPS, bound from {@code argus.api.tls.*}. Both paths set: HTTPS on the
 * api's port (and {@code wss://} for its WebSockets); both empty: plain HTTP, e.g. behind a proxy
 * that terminates TLS. One without the other, or a file that cannot be read, stops the api naming
 * the setting.
 *
 * @param certificate {@code ARGUS_API_TLS_CERTIFICATE}: a PEM file with the server's certificate,
 *     followed by its chain if any
 * @param privateKey {@code ARGUS_API_TLS_PRIVATE_KEY}: a PEM file with the certificate's private
 *     key (PKCS#8 or PKCS#1, unencrypted)
 */
@ConfigurationProperties("argus.api.tls")
record TlsProperties(String certificate, String privateKey) {

  private static final String CERTIFICATE = "argus.api.tls.certificate (ARGUS_API_TLS_CERTIFICATE)";
  private static final String PRIVATE_KEY = "argus.api.tls.private-key (ARGUS_API_TLS_PRIVATE_KEY)";

  TlsProperties {
    certificate = blankToNull(certificate);
    privateKey = blankToNull(privateKey);
    if ((certificate == null) != (privateKey == null)) {
      throw new IllegalArgumentException(
          "TLS needs both "
              + CERTIFICATE
              + " and "
              + PRIVATE_KEY
              + " (PEM files), or neither for plain HTTP; only "
              + (certificate == null ? PRIVATE_KEY : CERTIFICATE)
              + " is set");
    }
    requireReadable(certificate, CERTIFICATE);
    requireReadable(privateKey, PRIVATE_KEY);
  }

  boolean enabled() {
    return certificate != null;
  }

  private static void requireReadable(String path, String setting) {
    if (path != null && !Files.isReadable(Path.of(path))) {
      throw new IllegalArgumentException(
          setting + " names " + path + ", which is not a readable file");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
