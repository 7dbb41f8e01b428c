package dev.argus.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.contract.secrets.InvalidSecretKeyException;
import dev.argus.contract.secrets.SecretKeyring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeyFileTest {

  private static final String KEY = "prod:QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=";

  @TempDir Path data;

  @Test
  void aKeyFromTheEnvironmentWins() throws Exception {
    var resolved = SecretKeyFile.resolve(Map.of("ARGUS_SECRET_KEY", KEY), data);

    assertThat(resolved.keys()).isEqualTo(KEY);
    assertThat(resolved.source()).isEqualTo("ARGUS_SECRET_KEY");
    assertThat(data.resolve("secret-key")).doesNotExist();
  }

  @Test
  void withoutOneA256BitKeyIsMadeOnceKeptPrivateAndReused() throws Exception {
    var first = SecretKeyFile.resolve(Map.of(), data);
    var second = SecretKeyFile.resolve(Map.of(), data);

    assertThat(first.source()).endsWith("secret-key (new)");
    assertThat(second.keys()).isEqualTo(first.keys());
    assertThat(SecretKeyring.parse(first.keys()).newestKeyId()).matches("k[0-9a-f]{8}");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve("secret-key"))))
        .isEqualTo("rw-------");
    assertThat(SecretKeyFile.resolve(Map.of(), Files.createDirectory(data.resolve("other"))).keys())
        .isNotEqualTo(first.keys());
  }

  @Test
  void aBadKeyIsNamedBeforeAnyServiceStarts() {
    assertThatThrownBy(() -> SecretKeyFile.resolve(Map.of("ARGUS_SECRET_KEY", "a:c2hvcnQ="), data))
        .isInstanceOf(InvalidSecretKeyException.class)
        .hasMessageContaining("ARGUS_SECRET_KEY entry 1 of 1 is a 40-bit key");
  }
}
