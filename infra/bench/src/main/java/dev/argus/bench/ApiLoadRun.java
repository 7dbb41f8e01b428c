package dev.argus.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The API under load over a large store: the tables are filled by COPY (this measures the API, not
 * ingest), then {@code wrk} drives each endpoint, and the same wrk drives nginx serving a static
 * file of the same size as the endpoint's response on the same loopback.
 */
final class ApiLoadRun {

  /** One endpoint's figures beside nginx's. */
  record Outcome(String endpoint, int responseBytes, WrkResult api, WrkResult nginx) {}

  private final BenchStack stack;
  private final Path workDir;
  private final Wrk wrk;
  private final PrintStream out;

  ApiLoadRun(BenchStack stack, Path workDir, Wrk wrk, PrintStream out) {
    this.stack = stack;
    this.workDir = workDir;
    this.wrk = wrk;
    this.out = out;
  }

  List<Outcome> run(int devices, int snapshotsPerDevice, int events) throws Exception {
    SyntheticFleet fleet = new SyntheticFleet("bench-api", devices, 0, 1);
    fill(fleet, snapshotsPerDevice, events);

    Files.createDirectories(workDir);
    explainQueries(fleet.deviceId(devices / 2));
    Path script = workDir.resolve("latest.lua");
    Files.writeString(
        script,
        """
        math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
        request = function()
          local id = string.format("bench-api-%%05d", math.random(0, %d))
          return wrk.format("GET", "/api/snapshots/latest?device_id=" .. id)
        end
        """
            .formatted(devices - 1));
    List<Outcome> outcomes = new ArrayList<>();
    try (Nginx nginx = Nginx.start(workDir.resolve("nginx"))) {
      outcomes.add(
          measure(
              nginx,
              "/api/snapshots/latest?device_id=" + fleet.deviceId(devices / 2),
              "latest.json",
              script));
      outcomes.add(measure(nginx, "/api/snapshots?page_size=200", "snapshots.json", null));
      outcomes.add(measure(nginx, "/api/events", "events.json", null));
    }
    return outcomes;
  }

  private Outcome measure(Nginx nginx, String endpoint, String file, Path script) throws Exception {
    byte[] body = fetch(stack.apiBaseUrl() + endpoint);
    String staticUrl = nginx.serve(file, body);
    out.printf("[api] %s (%,d bytes): wrk %ds%n", endpoint, body.length, wrk.seconds());
    WrkResult api = wrk.run(stack.apiBaseUrl() + endpoint, script);
    WrkResult reference = wrk.run(staticUrl, null);
    out.printf(
        "[api]   api %,.0f req/s p99 %.1f ms | nginx %,.0f req/s p99 %.2f ms%n",
        api.requestsPerSecond(),
        api.p99Millis(),
        reference.requestsPerSecond(),
        reference.p99Millis());
    return new Outcome(endpoint, body.length, api, reference);
  }

  private void fill(SyntheticFleet fleet, int snapshotsPerDevice, int events) throws Exception {
    long rows = (long) fleet.devices() * snapshotsPerDevice;
    try (var db = stack.connect()) {
      TelemetryTables tables = new TelemetryTables(db);
      tables.truncateTelemetry();
      out.printf(
          "[api] loading %,d devices, %,d snapshots and %,d events by COPY%n",
          fleet.devices(), rows, events);
      long start = System.nanoTime();
      tables.execute(
          "INSERT INTO devices (id, name, type, poller, last_seen) SELECT format('bench-api-%s',"
              + " lpad(i::text, 5, '0')), 'bench', 'ups', 'nut', now() FROM generate_series(0, "
              + (fleet.devices() - 1)
              + ") i ON CONFLICT (id) DO NOTHING");
      Instant base =
          Instant.now()
              .minus(Duration.ofMinutes(snapshotsPerDevice))
              .truncatedTo(ChronoUnit.SECONDS);
      // One reading a minute per device, as a fleet polled every minute stores them.
      tables.copy(
          "power_snapshots",
          IngestRun.rows(fleet, snapshotsPerDevice, base, Duration.ofMinutes(1)));
      tables.execute(
          "INSERT INTO power_events (event_id, ts, device_id, event_type, severity, metadata)"
              + " SELECT gen_random_uuid(), now() - i * interval '1 second',"
              + " format('bench-api-%s', lpad((i % "
              + fleet.devices()
              + ")::text, 5, '0')),"
              + " CASE WHEN i % 2 = 0 THEN 'on_battery' ELSE 'power_restored' END, 'warning',"
              + " '{\"previous_status\": \"OL\", \"battery_percent\": 100}'::jsonb"
              + " FROM generate_series(1, "
              + events
              + ") i");
      tables.execute("VACUUM ANALYZE power_snapshots");
      tables.execute("VACUUM ANALYZE power_events");
      out.printf("[api] loaded in %.0f s%n", (System.nanoTime() - start) / 1e9);
    }
  }

  /**
   * Where the API's time goes in the database: the plans of the statements its endpoints run (as in
   * api/.../SnapshotRepository and EventRepository), kept beside the results.
   */
  private void explainQueries(String deviceId) throws Exception {
    List<String> statements =
        List.of(
            "SELECT * FROM power_snapshots WHERE device_id = '"
                + deviceId
                + "' AND error IS NULL"
                + " ORDER BY ts DESC LIMIT 1",
            "SELECT count(*) FROM power_snapshots",
            "SELECT * FROM power_snapshots ORDER BY ts DESC, device_id LIMIT 200 OFFSET 0",
            "SELECT count(*) FROM power_events",
            "SELECT * FROM power_events ORDER BY ts DESC, id DESC LIMIT 50 OFFSET 0");
    var plans = new StringBuilder();
    try (var db = stack.connect()) {
      TelemetryTables tables = new TelemetryTables(db);
      for (String sql : statements) {
        plans.append("-- ").append(sql).append('\n').append(tables.explain(sql)).append('\n');
      }
    }
    Path file = workDir.resolve("explain.txt");
    Files.writeString(file, plans);
    out.println("[api] query plans in " + file);
  }

  private static byte[] fetch(String url) throws Exception {
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          url
              + " answered "
              + response.statusCode()
              + ": "
              + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
    }
    return response.body();
  }
}
