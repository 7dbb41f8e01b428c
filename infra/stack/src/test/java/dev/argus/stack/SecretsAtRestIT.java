package dev.argus.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.argus.contract.testing.UpsdProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Secrets at rest and on the wire, over the real stack (KRaft broker, PostgreSQL, the three
 * services, a real upsd): a device, runtime settings and alert providers are configured with marker
 * secrets, the collector is seen to use them, and then no file of PostgreSQL, of the broker, of the
 * processor's state or of any service log holds a marker. A marker put in a field that is not
 * secret (a device id) is found in each of them, so the search does see the data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsAtRestIT {

  private static final String API_KEY = "it-secrets-admin-key-0123456789abcdef0123";

  /** Not a secret: it must be found, or the search proves nothing. */
  private final String canary = marker("canary");

  private final Map<String, String> secrets = new LinkedHashMap<>();

  private final StackApi api = new StackApi(() -> this.stack.apiBaseUrl(), API_KEY);
  private UpsdProcess upsd;
  private LocalStack stack;
  private Path dataDir;

  @BeforeAll
  void startEverything() throws Exception {
    assumeTrue(
        UpsdProcess.available(),
        "NUT upsd is not installed (argus-test.sh installs nut-server): skipping the end-to-end"
            + " test");
    upsd =
        UpsdProcess.start(
            Path.of("target"),
            new LinkedHashMap<>(
                Map.of(
                    "ups.status",
                    "OL",
                    "battery.charge",
                    "100",
                    "ups.load",
                    "25",
                    "ups.realpower.nominal",
                    "1000",
                    "input.voltage",
                    "230.0")));
    // CHECKPOINT below writes the buffers to the data files; syncing them to disk adds nothing.
    var options =
        StackApi.testStack("it-secrets")
            .pollInterval(Duration.ofSeconds(2))
            .serviceEnvironment(Map.of("API_KEY", API_KEY))
            .build();
    dataDir = options.dataDir();
    stack = LocalStack.start(options, System.out);
  }

  @AfterAll
  void stopEverything() {
    if (stack != null) {
      stack.close();
    }
    if (upsd != null) {
      upsd.close();
    }
  }

  @Test
  void noSecretIsStoredOrPublishedInPlainText() throws Exception {
    // Given: a NUT UPS (marker password; the canary in its id), SNMP devices with marker
    // credentials, alert providers with marker secrets and runtime settings with a marker password
    String nutDevice = "ups-" + canary;
    assertThat(
            api.send(
                    "POST",
                    "/api/devices",
                    """
                    {"id": "%s", "name": "Marker UPS", "host": "127.0.0.1", "port": %d,
                     "connection_config": {"ups": "%s", "username": "%s", "password": "%s"}}
                    """
                        .formatted(
                            nutDevice,
                            upsd.port(),
                            UpsdProcess.UPS_NAME,
                            UpsdProcess.USER,
                            secret("nut-password")))
                .status())
        .isEqualTo(201);
    assertThat(
            api.send(
                    "POST",
                    "/api/devices",
                    """
                    {"id": "snmp-v2c", "name": "SNMP v2c", "type": "ups", "poller": "snmp", "host": "127.0.0.1",
                     "port": %d, "connection_config": {"version": "2c", "community": "%s"}}
                    """
                        .formatted(StackApi.freePort(), secret("snmp-community")))
                .status())
        .isEqualTo(201);
    assertThat(
            api.send(
                    "POST",
                    "/api/devices",
                    """
                    {"id": "snmp-v3", "name": "SNMP v3", "type": "ups", "poller": "snmp", "host": "127.0.0.1",
                     "port": %d, "connection_config": {"version": "3", "security_name": "argus",
                       "auth_protocol": "SHA-256", "auth_password": "%s", "priv_protocol": "AES",
                       "priv_password": "%s"}}
                    """
                        .formatted(StackApi.freePort(), secret("snmp-auth"), secret("snmp-priv")))
                .status())
        .isEqualTo(201);
    assertThat(
            api.send(
                    "PUT",
                    "/api/alerts",
                    """
                    {"providers": [
                      {"type": "webhook", "url": "http://127.0.0.1:9/hook",
                       "headers": {"Authorization": "Bearer %s", "X-Team": "ops"}},
                      {"type": "gotify", "server_url": "http://127.0.0.1:9", "app_token": "%s"},
                      {"type": "ntfy", "server_url": "http://127.0.0.1:9", "topic": "argus", "token": "%s"},
                      {"type": "email", "smtp_host": "127.0.0.1", "smtp_port": 9, "username": "argus",
                       "password": "%s", "from": "argus@example.com", "to": ["ops@example.com"]}]}
                    """
                        .formatted(
                            secret("webhook-authorization"),
                            secret("gotify-token"),
                            secret("ntfy-token"),
                            secret("smtp-password")))
                .status())
        .isEqualTo(200);

    // When: the collector has polled the UPS with its decrypted credentials (before the runtime
    // settings replace the stack's 2-second interval by minutes)...
    api.awaitJson(
        "/api/snapshots/latest?device_id=" + nutDevice,
        Duration.ofSeconds(90),
        node -> "OL".equals(node.path("ups_status").asString("")));
    // ... and, given runtime settings with a marker password, has discovered the UPS of their NUT
    // host on a cycle run after them
    assertThat(
            api.send(
                    "PUT",
                    "/api/config",
                    """
                    {"nut_host": "127.0.0.1", "nut_port": %d, "nut_username": "%s", "nut_password": "%s",
                     "scanning_disabled": false}
                    """
                        .formatted(upsd.port(), UpsdProcess.USER, secret("runtime-nut-password")))
                .status())
        .isEqualTo(200);
    // (manual polls until then: one may overtake the settings on their way to the collector)
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(3))
        .until(
            () -> {
              api.send("POST", "/api/trigger", "");
              return api.get("/api/snapshots/latest?device_id=" + UpsdProcess.UPS_NAME).status()
                  == 200;
            });
    // ... the api answers without secrets, as before
    assertThat(
            api.get("/api/devices").body().toString()
                + api.get("/api/alerts").body()
                + api.get("/api/config").body())
        .doesNotContain(secrets.values().toArray(String[]::new));
    // ... and PostgreSQL has written its buffers to the data files (the broker's segments are
    // written as records arrive, and are read here through the same page cache)
    try (Connection db = DriverManager.getConnection(stack.jdbcUrl(), "postgres", "");
        Statement statement = db.createStatement()) {
      statement.execute("CHECKPOINT");
    }

    // Then: the search finds the canary in every place it looks...
    Map<String, Path> places =
        Map.of(
            "PostgreSQL", dataDir.resolve("postgres"),
            "Kafka", dataDir.resolve("kafka"),
            "service logs", dataDir.resolve("logs"));
    places.forEach(
        (name, place) ->
            assertThat(filesContaining(place, canary))
                .as("files of %s holding the canary", name)
                .isNotEmpty());
    // ... and no secret anywhere in the stack's data (processor state and key files included)
    secrets.forEach(
        (field, marker) ->
            assertThat(filesContaining(dataDir, marker))
                .as("files holding the %s", field)
                .isEmpty());
  }

  private String secret(String field) {
    String marker = marker(field);
    secrets.put(field, marker);
    return marker;
  }

  private static String marker(String what) {
    return "mk" + what.replace("-", "") + UUID.randomUUID().toString().replace("-", "");
  }

  /**
   * Every regular file under {@code root} (PostgreSQL's binaries left out) holding {@code text}.
   */
  private static List<Path> filesContaining(Path root, String text) {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    List<Path> found = new ArrayList<>();
    Path binaries = root.resolve("postgres-binaries");
    try {
      // walkFileTree rather than Files.walk: the services keep writing while we read, and a file
      // that vanishes between the listing and the read (a broker's checkpoint .tmp) is skipped
      // instead of failing the walk.
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
              return dir.equals(binaries) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (attributes.isRegularFile() && contains(read(file), needle)) {
                found.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
              }
              throw e;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException gone) {
      // A file a service removed meanwhile (a rotated segment, a temp file) holds nothing now.
      return new byte[0];
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    // ISO-8859-1 maps every byte to one char, so String.indexOf searches the raw bytes.
    return new String(haystack, StandardCharsets.ISO_8859_1)
        .contains(new String(needle, StandardCharsets.ISO_8859_1));
  }
}
