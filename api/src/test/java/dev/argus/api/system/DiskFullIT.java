package dev.argus.api.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.argus.api.ApiApplication;
import dev.argus.api.ApiHttp;
import dev.argus.api.ApiHttp.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL's volume full: reads still work, but a write is refused (SQLSTATE 53100). The api must
 * answer such a write with 503 and a detail that names the disk, its health must say the database
 * is full, and writes must work again once space is freed. The volume is a small tmpfs, so the test
 * needs root (mount); elsewhere it is skipped.
 */
@SpringBootTest(
    classes = ApiApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "argus.security.api-key=" + DiskFullIT.ADMIN_KEY,
      "argus.security.rate-limit-per-minute=100000"
    })
@DirtiesContext
class DiskFullIT {

  static final String ADMIN_KEY = "disk-full-bootstrap-admin-key-0123456789abcdef";

  private static Path volume;
  private static boolean mounted;
  private static EmbeddedPostgres postgres;

  @LocalServerPort private int port;

  @BeforeAll
  static void databaseOnASmallVolume() throws Exception {
    volume = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "disk-full-pg-");
    Process mount =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", volume.toString())
            .redirectErrorStream(true)
            .start();
    mount.getInputStream().readAllBytes();
    mounted = mount.waitFor() == 0;
    assumeTrue(mounted, "a tmpfs for PostgreSQL needs root (mount -t tmpfs)");
    postgres =
        EmbeddedPostgres.builder()
            // initdb and the first start take more than the default 10 s on a loaded CI machine
            .setPGStartupWait(Duration.ofSeconds(60))
            .setOverrideWorkingDirectory(Path.of("target", "embedded-pg-disk").toFile())
            .setDataDirectory(volume.resolve("cluster"))
            .setCleanDataDirectory(false)
            .start();
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
    if (mounted) {
      new ProcessBuilder("umount", volume.toString()).inheritIO().start().waitFor();
    }
    FileSystemUtils.deleteRecursively(volume);
  }

  @Test
  void aWriteRefusedForLackOfSpaceIs503NamingTheDiskAndHealthSaysSo() throws Exception {
    // Given the api serving, and a volume with no free byte left
    ApiHttp api = new ApiHttp(port);
    assertThat(api.get("/api/health").status()).isEqualTo(200);
    Path filler = volume.resolve("filler");
    fill(filler);

    // When targets are created until PostgreSQL needs a new block (a small row may still fit
    // into a page the table has)
    Response refused = null;
    for (int i = 0; i < 500 && refused == null; i++) {
      Response created = createTarget(api, "disk-full-" + i);
      if (created.status() != 201) {
        refused = created;
      }
    }

    // Then
    assertThat(refused).as("a write refused within 500 targets").isNotNull();
    assertThat(refused.status()).isEqualTo(503);
    JSONAssert.assertEquals(
        "{\"detail\": \"" + DatabaseFailures.OUT_OF_SPACE + "\"}", refused.body(), true);
    Response health = api.get("/api/health");
    assertThat(health.status()).isEqualTo(503);
    JsonNode body = health.json();
    assertThat(body.get("status").asString()).isEqualTo("unhealthy");
    assertThat(body.get("database").asString()).isEqualTo("full");
    assertThat(body.get("detail").asString())
        .startsWith("database out of disk space: PostgreSQL refuses writes (")
        .contains("No space left on device");
    // Reads still work: the unkeyed data endpoints answer
    assertThat(api.get("/api/snapshots").status()).isEqualTo(200);

    // When space is freed
    Files.delete(filler);

    // Then writes work again
    Response created = createTarget(api, "after-the-filler");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  private static Response createTarget(ApiHttp api, String name) {
    return api.send(
        "POST",
        "/api/v1/targets",
        "{\"name\": \""
            + name
            + "\", \"type\": \"http\", \"address\": \"http://127.0.0.1:9/\", \"enabled\": false,"
            + " \"keyword\": \""
            + "x".repeat(900)
            + "\"}",
        "x-api-key",
        ADMIN_KEY);
  }

  /** Takes every free byte of the volume. */
  private static void fill(Path filler) throws IOException {
    byte[] block = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      assertThat(full).hasMessageContaining("No space left");
    }
  }
}
