package dev.argus.api.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.api.ApiApplication;
import dev.argus.api.ApiHttp;
import dev.argus.api.ApiHttp.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The api started before PostgreSQL: it answers 503 while nothing listens on the database port,
 * then migrates the schema and serves once a real PostgreSQL starts on that port.
 */
@SpringBootTest(
    classes = ApiApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "argus.api.schema-retry-initial-backoff=200ms",
      "argus.api.schema-retry-max-backoff=500ms"
    })
@DirtiesContext
class DatabaseOutageIT {

  private static final int DATABASE_PORT = freeLoopbackPort();
  private static EmbeddedPostgres lateDatabase;

  @LocalServerPort private int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:postgresql://127.0.0.1:" + DATABASE_PORT + "/postgres");
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    if (lateDatabase != null) {
      lateDatabase.close();
    }
  }

  @Test
  void answers503UntilTheDatabaseIsUpThenServes() throws Exception {
    // Given: the api is up, nothing listens on the database port
    ApiHttp api = new ApiHttp(port);

    // When
    Response health = api.get("/api/health");
    Response snapshots = api.get("/api/snapshots");
    Response latest = api.get("/api/snapshots/latest?device_id=ups-main");
    // A key cannot be checked either: 503, not a 401 that would blame the key
    Response keyed =
        api.send("GET", "/api/v1/targets", null, "x-api-key", "argus_any-key-0123456789");

    // Then
    assertThat(health.status()).isEqualTo(503);
    JsonNode body = health.json();
    assertThat(body.propertyNames())
        .containsExactly("status", "scheduler_running", "uptime_seconds", "database", "detail");
    assertThat(body.get("status").asString()).isEqualTo("unhealthy");
    assertThat(body.get("scheduler_running").asBoolean()).isFalse();
    assertThat(body.get("uptime_seconds").isIntegralNumber()).isTrue();
    assertThat(body.get("database").asString()).isEqualTo("unreachable");
    assertThat(body.get("detail").asString()).isEqualTo("database unreachable");
    for (Response response : new Response[] {snapshots, latest, keyed}) {
      assertThat(response.status()).isEqualTo(503);
      JSONAssert.assertEquals(
          "{\"detail\": \"Database unavailable, try again shortly\"}", response.body(), true);
    }

    // When: PostgreSQL starts on the configured port
    lateDatabase =
        EmbeddedPostgres.builder()
            // initdb and the first start take more than the default 10 s on a loaded CI machine
            .setPGStartupWait(Duration.ofSeconds(60))
            .setPort(DATABASE_PORT)
            .setOverrideWorkingDirectory(Path.of("target", "embedded-pg-late").toFile())
            .start();

    // Then: the background retry migrates the schema and the api serves
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> api.get("/api/health").status() == 200);
    Response devices = api.get("/api/devices");
    assertThat(devices.status()).isEqualTo(200);
    assertThat(devices.body()).isEqualTo("[]");
    assertThat(api.get("/api/snapshots").json().get("total").asLong()).isZero();
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port for the late database", e);
    }
  }
}
