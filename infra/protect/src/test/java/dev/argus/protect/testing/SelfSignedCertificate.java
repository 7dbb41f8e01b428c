package dev.argus.protect.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PKCS12 key store with a fresh self-signed certificate for {@code localhost} and {@code
 * 127.0.0.1}, made by the JDK's own {@code keytool} at start: no key is ever committed, and no
 * hand-written X.509 code is needed.
 */
record SelfSignedCertificate(Path keyStore, String password) {

  static SelfSignedCertificate generate(Path directory) throws IOException, InterruptedException {
    Path keyStore = directory.resolve("loopback-controller.p12");
    String password = "loopback-" + Long.toHexString(System.nanoTime());
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                List.of(
                    keytool.toString(),
                    "-genkeypair",
                    "-alias",
                    "controller",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-dname",
                    "CN=unvr.loopback, O=Argus test double",
                    "-ext",
                    "SAN=dns:localhost,ip:127.0.0.1",
                    "-validity",
                    "2",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    keyStore.toString(),
                    "-storepass",
                    password,
                    "-keypass",
                    password))
            .redirectErrorStream(true)
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)
        || process.exitValue() != 0
        || !Files.isRegularFile(keyStore)) {
      process.destroyForcibly();
      throw new IOException(
          "keytool could not make the test certificate: "
              + new String(output, StandardCharsets.UTF_8));
    }
    return new SelfSignedCertificate(keyStore, password);
  }
}
