package dev.argus.collector.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real self-signed certificate and key, made by the JDK's {@code keytool} into a PKCS12 key
 * store, for TLS servers on loopback.
 */
public final class SelfSignedCertificate {

  private static final char[] PASSWORD = "changeit".toCharArray();

  private final KeyStore keyStore;
  private final X509Certificate certificate;

  private SelfSignedCertificate(KeyStore keyStore, X509Certificate certificate) {
    this.keyStore = keyStore;
    this.certificate = certificate;
  }

  /**
   * @param commonName the subject's CN
   * @param subjectAlternativeNames keytool's SAN value, e.g. {@code dns:localhost,ip:127.0.0.1}, or
   *     null for none
   * @param startDate keytool's {@code -startdate}, e.g. {@code -30d}, or null for now
   * @param validityDays days from the start date until it expires
   */
  public static SelfSignedCertificate generate(
      Path directory,
      String commonName,
      String subjectAlternativeNames,
      String startDate,
      int validityDays) {
    try {
      Path file = Files.createTempFile(directory, "server-", ".p12");
      Files.delete(file);
      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                  "-genkeypair",
                  "-alias",
                  "server",
                  "-keyalg",
                  "EC",
                  "-groupname",
                  "secp256r1",
                  "-dname",
                  "CN=" + commonName,
                  "-validity",
                  Integer.toString(validityDays),
                  "-keystore",
                  file.toString(),
                  "-storetype",
                  "PKCS12",
                  "-storepass",
                  new String(PASSWORD),
                  "-keypass",
                  new String(PASSWORD)));
      if (subjectAlternativeNames != null) {
        command.addAll(List.of("-ext", "SAN=" + subjectAlternativeNames));
      }
      if (startDate != null) {
        command.addAll(List.of("-startdate", startDate));
      }
      Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(file)) {
        keyStore.load(in, PASSWORD);
      }
      return new SelfSignedCertificate(
          keyStore, (X509Certificate) keyStore.getCertificate("server"));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Instant notAfter() {
    return certificate.getNotAfter().toInstant();
  }

  /** A server context presenting this certificate. */
  public SSLContext serverContext() {
    try {
      var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore, PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A client context that trusts this certificate (and nothing else), with normal verification. */
  public SSLContext clientContextTrustingIt() {
    try {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      trusted.setCertificateEntry("server", certificate);
      var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
