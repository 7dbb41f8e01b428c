package dev.argus.api.system.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The TLS settings: both files or neither, and files that can be read. */
class TlsPropertiesTest {

  @Test
  void neitherPathIsPlainHttp() {
    assertThat(new TlsProperties("", null).enabled()).isFalse();
    assertThat(new TlsProperties(null, "  ").enabled()).isFalse();
  }

  @Test
  void bothReadableFilesAreHttps() {
    SelfSignedCertificate files = SelfSignedCertificate.create("CN=localhost", 2);
    TlsProperties tls =
        new TlsProperties(files.certificate().toString(), files.privateKey().toString());
    assertThat(tls.enabled()).isTrue();
  }

  @Test
  void oneWithoutTheOtherStopsTheApiNamingTheMissingSetting() {
    assertThatThrownBy(() -> new TlsProperties("/etc/hostname", null))
        .hasMessage(
            "TLS needs both argus.api.tls.certificate (ARGUS_API_TLS_CERTIFICATE) and"
                + " argus.api.tls.private-key (ARGUS_API_TLS_PRIVATE_KEY) (PEM files), or neither"
                + " for plain HTTP; only argus.api.tls.certificate (ARGUS_API_TLS_CERTIFICATE) is"
                + " set");
  }

  @Test
  void aFileThatCannotBeReadIsNamed() {
    String missing = Path.of("/nonexistent/argus/server.key").toString();
    assertThatThrownBy(() -> new TlsProperties(missing, missing))
        .hasMessage(
            "argus.api.tls.certificate (ARGUS_API_TLS_CERTIFICATE) names "
                + missing
                + ", which is not a readable file");
  }
}
