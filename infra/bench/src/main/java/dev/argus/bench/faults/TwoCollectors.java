package dev.argus.bench.faults;

import static dev.argus.bench.faults.CollectorFleetStack.POLL_INTERVAL;
import static dev.argus.bench.faults.CollectorFleetStack.seconds;

import dev.argus.bench.BenchStack;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code two-collectors}: two collectors (the stack's own, {@code local-collector}, and {@code
 * collector-b}), each polling half of {@code --devices} simulated UPSes every second, assigned as a
 * user assigns them: devices managed through {@code PUT /api/devices} with a {@code collector_id}.
 * Halfway through second {@code --kill-after}, {@code collector-b} gets SIGKILL and stays dead.
 * Each collector also has an uptime target of its own ({@code POST /api/v1/targets} with {@code
 * collector_id}). Checked: each device was read and each target probed only by its collector;
 * exactly collector-b's devices go {@code device_offline} by silence, each once, within the
 * processor's silence timeout; the other collector's devices keep their readings at the poll
 * interval, with no offline event; the api shows collector-b stale and local-collector ok.
 */
final class TwoCollectors implements Scenario {

  static final String NAME = "two-collectors";
  private static final String COLLECTOR_A = "local-collector";
  private static final String COLLECTOR_B = "collector-b";

  /** The processor's defaults: DEVICE_OFFLINE_MISSED_POLLS and ARGUS_SILENCE_CHECK_INTERVAL. */
  private static final int MISSED_POLLS = 3;

  private static final Duration SILENCE_CHECK = Duration.ofSeconds(10);

  /** The documented bound: that many poll intervals of silence, found by the next check. */
  static final Duration SILENCE_TIMEOUT =
      POLL_INTERVAL.multipliedBy(MISSED_POLLS).plus(SILENCE_CHECK);

  // The processor receives a reading a little after its timestamp, and writes an event a little
  // after the check: slack for both on a busy machine.
  private static final Duration SLACK = Duration.ofSeconds(3);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final FaultsOptions options;

  TwoCollectors(FaultsOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ScenarioRow run(FaultsContext context) throws Exception {
    PrintStream out = context.out();
    int devices = Math.max(2, options.devices());
    try (SimulatedUpsFleet fleet = SimulatedUpsFleet.start("tc", devices)) {
      BenchStack stack =
          context.ownStack(
              NAME,
              builder ->
                  builder
                      .pollInterval(POLL_INTERVAL)
                      .serviceEnvironment(CollectorFleetStack.environment()));
      stack.startInstance("collector", COLLECTOR_B, Map.of());
      Map<String, String> assignment = new LinkedHashMap<>();
      for (int i = 0; i < devices; i++) {
        assignment.put(fleet.deviceId(i), i < devices / 2 ? COLLECTOR_A : COLLECTOR_B);
      }
      assignDevices(stack, fleet, assignment);
      // One uptime target for each collector too (tcp to the api's port, always up).
      Map<Long, String> targets = new LinkedHashMap<>();
      targets.put(createTarget(stack, "faults-target-a", COLLECTOR_A), COLLECTOR_A);
      targets.put(createTarget(stack, "faults-target-b", COLLECTOR_B), COLLECTOR_B);
      List<String> devicesA = devicesOf(assignment, COLLECTOR_A);
      List<String> devicesB = devicesOf(assignment, COLLECTOR_B);
      Duration drain = Duration.ofSeconds(options.drainTimeout());
      CollectorFleetStack.awaitPolled(fleet, fleet.deviceIds(), 2, drain);
      Instant polling = Instant.now();
      out.printf(
          "[%s] %d UPSes polled by %s and %d by %s every %d s; %s killed for good at %d.5 s%n",
          NAME,
          devicesA.size(),
          COLLECTOR_A,
          devicesB.size(),
          COLLECTOR_B,
          POLL_INTERVAL.toSeconds(),
          COLLECTOR_B,
          options.killAfter());
      try (CollectorHealthWatch health =
          new CollectorHealthWatch(stack.apiBaseUrl(), stack.adminKey())) {
        Thread.sleep(options.killAfter() * 1000L + 500);
        Instant killedAt = CollectorFleetStack.kill(stack, COLLECTOR_B, out);
        // Long enough for the silence timeout and its slack, and for the other collector to show
        // that it is undisturbed.
        Instant until =
            max(
                polling.plusSeconds(options.seconds()),
                killedAt.plus(SILENCE_TIMEOUT).plus(SLACK).plusSeconds(10));
        while (Instant.now().isBefore(until)) {
          Thread.sleep(200);
        }
        CollectorFleetCount.Result count = CollectorFleetCount.count(stack, fleet, drain, out);
        Map<String, Instant> offline = offlineEvents(count, killedAt);
        Instant lastOffline = offline.values().stream().max(Instant::compareTo).orElse(null);
        List<Check> checks =
            checks(count, health, assignment, devicesA, devicesB, offline, killedAt);
        checks.addAll(targetChecks(stack, targets, killedAt));
        String description =
            String.format(
                Locale.ROOT,
                "two collectors, %d simulated UPSes each assigned to one of them through PUT"
                    + " /api/devices (collector_id), polled every %d s; SIGKILL to %s %d.5 s into"
                    + " the polling, not restarted. device_offline of its devices %s after the"
                    + " kill (silence timeout %d s: DEVICE_OFFLINE_MISSED_POLLS %d x the poll"
                    + " interval, checked every %d s). \"recover\" is the time until the last of"
                    + " them. Health of %s: %s; of %s: %s.",
                devices,
                POLL_INTERVAL.toSeconds(),
                COLLECTOR_B,
                options.killAfter(),
                delays(offline, killedAt),
                SILENCE_TIMEOUT.toSeconds(),
                MISSED_POLLS,
                SILENCE_CHECK.toSeconds(),
                COLLECTOR_B,
                health.describe(COLLECTOR_B, killedAt),
                COLLECTOR_A,
                health.describe(COLLECTOR_A, killedAt));
        return count.row(NAME, description, Double.NaN, seconds(killedAt, lastOffline), checks);
      }
    }
  }

  private List<Check> checks(
      CollectorFleetCount.Result count,
      CollectorHealthWatch health,
      Map<String, String> assignment,
      List<String> devicesA,
      List<String> devicesB,
      Map<String, Instant> offline,
      Instant killedAt) {
    CollectorReadings readings = count.readings();
    List<Check> checks = new ArrayList<>();
    long misread =
        readings.collectorsByDevice().entrySet().stream()
            .filter(e -> !e.getValue().equals(Set.of(assignment.get(e.getKey()))))
            .count();
    checks.add(Check.count("devices read by a collector they are not assigned to", 0, misread));
    long offlineB = devicesB.stream().filter(offline::containsKey).count();
    long offlineA = devicesA.stream().filter(offline::containsKey).count();
    long offlineTwice = offlineCount(count, killedAt) - offline.size();
    checks.add(
        Check.of(
            "device_offline by silence (argus.events)",
            "once for each of " + COLLECTOR_B + "'s " + devicesB.size() + " devices, none other",
            String.format(
                "%d of %s's %d devices, %d of %s's, %d repeated",
                offlineB, COLLECTOR_B, devicesB.size(), offlineA, COLLECTOR_A, offlineTwice),
            offlineB == devicesB.size() && offlineA == 0 && offlineTwice == 0));
    Duration slowest = Duration.ZERO;
    for (String device : devicesB) {
      Instant lastReading =
          readings.all().stream()
              .filter(r -> r.deviceId().equals(device) && r.at().isBefore(killedAt))
              .map(CollectorReadings.Reading::at)
              .max(Instant::compareTo)
              .orElse(killedAt);
      Instant event = offline.get(device);
      if (event != null && Duration.between(lastReading, event).compareTo(slowest) > 0) {
        slowest = Duration.between(lastReading, event);
      }
    }
    checks.add(
        Check.of(
            "device_offline after the device's last reading",
            "within the silence timeout, "
                + SILENCE_TIMEOUT.toSeconds()
                + " s (+"
                + SLACK.toSeconds()
                + " s slack)",
            "at most " + slowest.toMillis() + " ms",
            offlineB == devicesB.size() && slowest.compareTo(SILENCE_TIMEOUT.plus(SLACK)) <= 0));
    List<Duration> intervals = readings.intervals(devicesA, killedAt, count.frozenAt());
    Duration median = CollectorReadings.quantile(intervals, 0.5);
    Duration gap = readings.longestGap(devicesA, killedAt, count.frozenAt());
    Duration offlineAfter = POLL_INTERVAL.multipliedBy(MISSED_POLLS);
    checks.add(
        Check.of(
            COLLECTOR_A + "'s devices after the kill",
            "read every poll interval; no gap of " + offlineAfter.toSeconds() + " s (offline)",
            String.format(
                "median interval %d ms, longest gap %d ms, %,d intervals",
                median.toMillis(), gap.toMillis(), intervals.size()),
            !intervals.isEmpty()
                && readings.devicesReadAfter(killedAt).containsAll(devicesA)
                && median.compareTo(POLL_INTERVAL.multipliedBy(3).dividedBy(2)) <= 0
                && gap.compareTo(offlineAfter) < 0));
    Instant staleB = health.firstShown(COLLECTOR_B, "stale", killedAt);
    boolean aStayedOk =
        health.changes(COLLECTOR_A).stream()
                .noneMatch(c -> c.at().isAfter(killedAt) && !c.state().equals("ok"))
            && "ok".equals(health.lastState(COLLECTOR_A));
    checks.add(
        Check.of(
            "api: collectors",
            COLLECTOR_B + " stale, " + COLLECTOR_A + " ok",
            String.format(
                Locale.ROOT,
                "%s %s; %s %s",
                COLLECTOR_B,
                staleB == null
                    ? "never stale"
                    : String.format(Locale.ROOT, "stale at +%.1f s", seconds(killedAt, staleB)),
                COLLECTOR_A,
                aStayedOk ? "stayed ok" : health.describe(COLLECTOR_A, killedAt)),
            staleB != null && "stale".equals(health.lastState(COLLECTOR_B)) && aStayedOk));
    return checks;
  }

  /**
   * Each target probed only by the collector it is assigned to; after the kill the dead collector's
   * target gets no result, the other's still does.
   */
  private static List<Check> targetChecks(
      BenchStack stack, Map<Long, String> targets, Instant killedAt) throws Exception {
    Map<Long, Set<String>> probedBy = new TreeMap<>();
    Map<Long, Integer> afterKill = new TreeMap<>();
    // A probe the kill interrupted can still be stamped just before it; a second of margin.
    Instant dead = killedAt.plusSeconds(1);
    try (var db = stack.connect();
        var st =
            db.prepareStatement(
                "SELECT target_id, collector_id, ts FROM probe_results WHERE target_id = ANY(?)")) {
      st.setArray(1, db.createArrayOf("bigint", targets.keySet().toArray()));
      try (var rs = st.executeQuery()) {
        while (rs.next()) {
          long target = rs.getLong(1);
          probedBy.computeIfAbsent(target, t -> new java.util.TreeSet<>()).add(rs.getString(2));
          if (rs.getTimestamp(3).toInstant().isAfter(dead)) {
            afterKill.merge(target, 1, Integer::sum);
          }
        }
      }
    }
    long targetA =
        targets.keySet().stream()
            .filter(t -> targets.get(t).equals(COLLECTOR_A))
            .findFirst()
            .orElseThrow();
    long targetB =
        targets.keySet().stream()
            .filter(t -> targets.get(t).equals(COLLECTOR_B))
            .findFirst()
            .orElseThrow();
    boolean onlyAssigned =
        targets.entrySet().stream()
            .allMatch(t -> Set.of(t.getValue()).equals(probedBy.get(t.getKey())));
    return List.of(
        Check.of(
            "targets probed only by their collector (collector_id)",
            "target "
                + targetA
                + " by "
                + COLLECTOR_A
                + ", target "
                + targetB
                + " by "
                + COLLECTOR_B,
            "probed by " + probedBy,
            onlyAssigned),
        Check.of(
            "targets' results after the kill",
            "none for " + COLLECTOR_B + "'s target, some for " + COLLECTOR_A + "'s",
            String.format(
                "%d for target %d, %d for target %d",
                afterKill.getOrDefault(targetB, 0),
                targetB,
                afterKill.getOrDefault(targetA, 0),
                targetA),
            afterKill.getOrDefault(targetB, 0) == 0 && afterKill.getOrDefault(targetA, 0) > 0));
  }

  /** {@code POST /api/v1/targets}: a tcp target on the api's own port, assigned to a collector. */
  private static long createTarget(BenchStack stack, String name, String collector)
      throws Exception {
    String address = URI.create(stack.apiBaseUrl()).getAuthority();
    String body =
        JSON.writeValueAsString(
            Map.of(
                "name", name,
                "type", "tcp",
                "address", address,
                "check_interval_seconds", 10,
                "collector_id", collector));
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(stack.apiBaseUrl() + "/api/v1/targets"))
                    .header("X-Api-Key", stack.adminKey())
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "POST /api/v1/targets answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body()).path("id").asLong();
  }

  /** The first device_offline of each device after the kill and before the drivers went off. */
  private static Map<String, Instant> offlineEvents(
      CollectorFleetCount.Result count, Instant killedAt) {
    Map<String, Instant> first = new TreeMap<>();
    offlineAfterKill(count, killedAt)
        .forEach(e -> first.merge(e.deviceId(), e.at(), (a, b) -> a.isBefore(b) ? a : b));
    return first;
  }

  private static long offlineCount(CollectorFleetCount.Result count, Instant killedAt) {
    return offlineAfterKill(count, killedAt).count();
  }

  private static java.util.stream.Stream<SteadyLoad.EventKey> offlineAfterKill(
      CollectorFleetCount.Result count, Instant killedAt) {
    return new HashSet<>(count.events())
        .stream()
            .filter(e -> e.type().equals("device_offline"))
            .filter(e -> e.at().isAfter(killedAt) && e.at().isBefore(count.frozenAt()));
  }

  private static String delays(Map<String, Instant> offline, Instant killedAt) {
    List<Duration> delays =
        offline.values().stream().map(at -> Duration.between(killedAt, at)).sorted().toList();
    if (delays.isEmpty()) {
      return "never came";
    }
    return String.format(
        Locale.ROOT,
        "came %.1f to %.1f s",
        delays.getFirst().toMillis() / 1e3,
        delays.getLast().toMillis() / 1e3);
  }

  private static List<String> devicesOf(Map<String, String> assignment, String collector) {
    return assignment.entrySet().stream()
        .filter(e -> e.getValue().equals(collector))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** {@code PUT /api/devices}: the whole fleet, each device with its collector, in one change. */
  private static void assignDevices(
      BenchStack stack, SimulatedUpsFleet fleet, Map<String, String> assignment) throws Exception {
    List<Map<String, Object>> body = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, String> device : assignment.entrySet()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", device.getKey());
      item.put("name", "Faults UPS " + i);
      item.put("host", "127.0.0.1");
      item.put("port", fleet.port());
      item.put("connection_config", Map.of("ups", SimulatedUpsFleet.upsName(i)));
      item.put("collector_id", device.getValue());
      body.add(item);
      i++;
    }
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(stack.apiBaseUrl() + "/api/devices"))
                    .header("X-Api-Key", stack.adminKey())
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "PUT /api/devices answered " + response.statusCode() + ": " + response.body());
    }
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
