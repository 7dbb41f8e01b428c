package dev.argus.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminKeyTest {

  @TempDir Path data;

  @Test
  void anApiKeyFromTheEnvironmentWins() throws Exception {
    var resolved = AdminKey.resolve(Map.of("API_KEY", "k".repeat(40)), data);

    assertThat(resolved.key()).isEqualTo("k".repeat(40));
    assertThat(data.resolve("api-key")).doesNotExist();
  }

  @Test
  void withoutOneAKeyIsMadeOnceKeptPrivateAndReused() throws Exception {
    var first = AdminKey.resolve(Map.of(), data);
    var second = AdminKey.resolve(Map.of(), data);

    assertThat(first.key()).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second.key());
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("api-key"))))
        .isEqualTo("rw-------");
    assertThat(AdminKey.resolve(Map.of(), Files.createDirectory(data.resolve("other"))).key())
        .isNotEqualTo(first.key());
  }
}
