package dev.argus.api.system.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made by the JDK's own
 * {@code keytool} and written as the two PEM files a deployment gives the api: the certificate and
 * its PKCS#8 private key.
 */
record SelfSignedCertificate(Path certificate, Path privateKey, X509Certificate x509) {

  private static final char[] PASSWORD = "changeit".toCharArray();

  static SelfSignedCertificate create(String subject, int validityDays) {
    try {
      Path dir = Files.createTempDirectory("argus-tls");
      Path keystore = dir.resolve("server.p12");
      Process keytool =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                  "-genkeypair",
                  "-alias",
                  "server",
                  "-keyalg",
                  "RSA",
                  "-keysize",
                  "2048",
                  "-dname",
                  subject,
                  "-ext",
                  "san=dns:localhost,ip:127.0.0.1",
                  "-validity",
                  Integer.toString(validityDays),
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  keystore.toString(),
                  "-storepass",
                  new String(PASSWORD))
              .redirectErrorStream(true)
              .start();
      String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keystore)) {
        store.load(in, PASSWORD);
      }
      X509Certificate x509 = (X509Certificate) store.getCertificate("server");
      PrivateKey key = (PrivateKey) store.getKey("server", PASSWORD);
      Path certificate = dir.resolve("server.crt");
      Path privateKey = dir.resolve("server.key");
      Files.writeString(certificate, pem("CERTIFICATE", x509.getEncoded()));
      Files.writeString(privateKey, pem("PRIVATE KEY", key.getEncoded()));
      return new SelfSignedCertificate(certificate, privateKey, x509);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot make a test certificate", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A TLS context that trusts this certificate alone. */
  SSLContext trustingIt() throws GeneralSecurityException, IOException {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("server", x509);
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
