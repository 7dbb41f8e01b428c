package dev.argus.bench.faults;

import dev.argus.bench.BenchStack;
import dev.argus.bench.ReadingProducer;
import dev.argus.bench.SyntheticFleet;
import dev.argus.contract.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Utils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two api replicas behind nothing but two ports: the stack's api and a second JVM ({@code api-b})
 * over the same database and broker. Before the load it checks that they behave as one api — a
 * key's per-minute limit admits exactly its limit across both and then 429 on both, its usage as
 * either lists it counts both, a manual poll opened on one is a 409 on the other, a WebSocket on
 * each receives every alert once, and a webhook gets one delivery per alert (one probe event on
 * every partition of {@code argus.events}, so every member of the alert group is seen to deliver).
 * The fault is a {@code kill -9} of the stack's api mid-load (the supervisor restarts it): the
 * alert consumer group rebalances, and every event the load derives must reach the webhook exactly
 * once. After the drain both replicas are probed again.
 */
final class TwoApis implements Fault {

  static final String NAME = "two-apis";
  private static final String SECOND = "api-b";
  private static final int KEY_LIMIT = 10;
  private static final String PROVIDER = "faults-receiver";
  private static final Duration ALERT_WAIT = Duration.ofSeconds(180);
  private static final Duration PROBE_WAIT = Duration.ofSeconds(120);
  // After everything expected arrived, how long a late double is waited for.
  private static final Duration SETTLE = Duration.ofSeconds(5);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final List<Check> beforeLoad = new ArrayList<>();
  private WebhookReceiver receiver;
  private ApiReplica first;
  private ApiReplica second;
  private String adminKey;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String process() {
    return "api";
  }

  @Override
  public String description() {
    return "SIGKILL to the stack's api JVM while "
        + SECOND
        + " (a second api JVM on its own port) runs on; the supervisor restarted the first";
  }

  @Override
  public void prepare(BenchStack stack, PrintStream out) throws Exception {
    adminKey = stack.adminKey();
    receiver = WebhookReceiver.start();
    int port = freePort();
    stack.startInstance("api", SECOND, Map.of("ARGUS_API_PORT", Integer.toString(port)));
    first = new ApiReplica("api", stack.apiBaseUrl());
    second = new ApiReplica(SECOND, "http://127.0.0.1:" + port);
    second.awaitHealthy(Duration.ofSeconds(180));
    out.printf(
        "[%s] %s answers on port %d beside api at %s%n", NAME, SECOND, port, first.baseUrl());
    beforeLoad.addAll(rateLimitAndUsage(out));
    beforeLoad.addAll(trigger(stack, out));
    configureAlerts();
    awaitAlertGroup(stack, 2, out);
    beforeLoad.addAll(probe(stack, "before", out));
  }

  @Override
  public CompletableFuture<Void> inject(BenchStack stack, PrintStream out) {
    long pid = stack.jvmPids().get(process());
    ProcessHandle process =
        ProcessHandle.of(pid)
            .orElseThrow(() -> new IllegalStateException("api (pid " + pid + ") is gone"));
    process.destroyForcibly();
    out.printf("[%s] kill -9 api (pid %d); %s runs on%n", NAME, pid, SECOND);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public List<Check> verify(BenchStack stack, PrintStream out) throws Exception {
    List<Check> checks = new ArrayList<>(beforeLoad);
    try {
      first.awaitHealthy(Duration.ofSeconds(180));
      checks.addAll(alertsOfTheLoad(stack, out));
      awaitAlertGroup(stack, 2, out);
      checks.addAll(probe(stack, "after", out));
    } finally {
      // The stack is shared with the next scenario: no provider pointing at a closed receiver, no
      // second member in the alert group.
      first.put(
          "/api/alerts",
          adminKey,
          "{\"providers\": [], \"cooldown_minutes\": 15, \"send_recovery\": true}");
      stack.stopInstance(SECOND, Duration.ofSeconds(10));
      receiver.close();
    }
    return checks;
  }

  /**
   * A key limited to {@value #KEY_LIMIT} requests a minute, used alternately on both replicas: the
   * sum admitted is the limit, then both refuse; its usage as each replica lists it counts both.
   */
  private List<Check> rateLimitAndUsage(PrintStream out) throws Exception {
    ApiReplica.Answer created =
        first.post(
            "/api/v1/api-keys",
            adminKey,
            """
            {"name": "faults-two-apis-%d", "scopes": ["read:targets"], "rate_limit_per_minute": %d}
            """
                .formatted(System.currentTimeMillis(), KEY_LIMIT));
    if (created.status() != 201) {
      throw new IllegalStateException("Creating a key answered " + created);
    }
    JsonNode key = JSON.readTree(created.body());
    String secret = key.path("key").asString();
    String id = key.path("id").asString();
    Map<String, int[]> admittedAndRefused = new HashMap<>();
    List<Integer> statuses = new ArrayList<>();
    int requests = 2 * KEY_LIMIT + 2;
    for (int i = 0; i < requests; i++) {
      ApiReplica replica = i % 2 == 0 ? first : second;
      int status = replica.get("/api/v1/targets", secret).status();
      statuses.add(status);
      int[] counts = admittedAndRefused.computeIfAbsent(replica.name(), n -> new int[2]);
      counts[status == 200 ? 0 : 1]++;
    }
    long admitted = statuses.stream().filter(s -> s == 200).count();
    int firstRefused = statuses.indexOf(429);
    boolean refusedAfter =
        firstRefused == KEY_LIMIT
            && statuses.subList(firstRefused, statuses.size()).stream().allMatch(s -> s == 429);
    String perReplica =
        String.format(
            "api %d×200 %d×other, %s %d×200 %d×other",
            admittedAndRefused.get("api")[0],
            admittedAndRefused.get("api")[1],
            SECOND,
            admittedAndRefused.get(SECOND)[0],
            admittedAndRefused.get(SECOND)[1]);
    out.printf("[%s] rate limit: %s (%s)%n", NAME, perReplica, statuses);
    JsonNode usageA =
        JSON.readTree(first.get("/api/v1/api-keys/" + id + "/usage", adminKey).body());
    JsonNode usageB =
        JSON.readTree(second.get("/api/v1/api-keys/" + id + "/usage", adminKey).body());
    String usage =
        String.format(
            "api: %d (last %s), %s: %d (last %s)",
            usageA.path("usage_count").asLong(),
            usageA.path("last_used").asString(null),
            SECOND,
            usageB.path("usage_count").asLong(),
            usageB.path("last_used").asString(null));
    out.printf("[%s] key usage: %s%n", NAME, usage);
    return List.of(
        Check.count(
            "requests admitted across both replicas, key limit " + KEY_LIMIT + "/min",
            KEY_LIMIT,
            admitted),
        Check.of(
            "429 on both replicas once the limit is used",
            "every request after the " + KEY_LIMIT + "th refused, on each replica",
            perReplica,
            refusedAfter
                && admittedAndRefused.get("api")[1] > 0
                && admittedAndRefused.get(SECOND)[1] > 0),
        Check.of(
            "key usage as each replica lists it",
            "usage_count " + admitted + " and the same last_used on both",
            usage,
            usageA.path("usage_count").asLong() == admitted
                && usageB.path("usage_count").asLong() == admitted
                && usageA.path("last_used").equals(usageB.path("last_used"))));
  }

  /**
   * A manual poll opened on one replica is in progress for the other: 409 there. The collector has
   * no devices here and would complete a poll within ~100 ms, before the second request could see
   * it open; it is paused (SIGSTOP) meanwhile so that the poll stays queued, and continued after.
   * Then both replicas are asked at the same moment: exactly one may open the poll.
   */
  private List<Check> trigger(BenchStack stack, PrintStream out) throws Exception {
    long collector = stack.jvmPids().get("collector");
    ApiReplica.Answer opened;
    ApiReplica.Answer status;
    ApiReplica.Answer again;
    signal("STOP", collector);
    try {
      opened = first.post("/api/trigger", adminKey, "");
      status = second.get("/api/trigger/status", adminKey);
      again = second.post("/api/trigger", adminKey, "");
    } finally {
      signal("CONT", collector);
    }
    String sequence =
        String.format(
            "api %d; %s status %s, then %d %s",
            opened.status(),
            SECOND,
            JSON.readTree(status.body()).path("status").asString(null),
            again.status(),
            again.body());
    out.printf("[%s] trigger: %s%n", NAME, sequence);
    awaitIdle();
    var fromFirst = CompletableFuture.supplyAsync(() -> postTrigger(first));
    var fromSecond = CompletableFuture.supplyAsync(() -> postTrigger(second));
    List<Integer> together = List.of(fromFirst.get(), fromSecond.get());
    out.printf(
        "[%s] trigger on both at once: api %d, %s %d%n",
        NAME, together.get(0), SECOND, together.get(1));
    awaitIdle();
    return List.of(
        Check.of(
            "POST /api/trigger on api, then on " + SECOND + " while the poll is queued",
            "202; queued on " + SECOND + ", then 409",
            sequence,
            opened.status() == 202
                && status.body().contains("\"queued\"")
                && again.status() == 409),
        Check.of(
            "POST /api/trigger on both replicas at the same moment",
            "one 202 and one 409",
            "api " + together.get(0) + ", " + SECOND + " " + together.get(1),
            together.contains(202) && together.contains(409)));
  }

  private int postTrigger(ApiReplica replica) {
    try {
      return replica.post("/api/trigger", adminKey, "").status();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("POST /api/trigger on " + replica.name() + " failed", e);
    }
  }

  /** Waits until the collector completed the manual poll (the status is idle again). */
  private void awaitIdle() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)
        && !first.get("/api/trigger/status", adminKey).body().contains("\"idle\"")) {
      Thread.sleep(250);
    }
  }

  private static void signal(String signal, long pid) throws IOException, InterruptedException {
    int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException("kill -" + signal + " " + pid + " exited with " + exit);
    }
  }

  private void configureAlerts() throws Exception {
    ApiReplica.Answer saved =
        first.put(
            "/api/alerts",
            adminKey,
            """
            {"cooldown_minutes": 0, "send_recovery": true, "providers": [
              {"type": "webhook", "name": "%s", "enabled": true, "min_severity": "low",
               "url": "%s"}]}
            """
                .formatted(PROVIDER, receiver.url()));
    if (saved.status() != 200) {
      throw new IllegalStateException("Saving the alert settings answered " + saved);
    }
  }

  /** Waits until the alert consumer group has {@code members} members (a rebalance ended). */
  private static void awaitAlertGroup(BenchStack stack, int members, PrintStream out)
      throws InterruptedException {
    try (GroupMembers group = new GroupMembers(stack.kafkaBootstrap(), "argus-alerts")) {
      Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
      int seen = 0;
      while (Instant.now().isBefore(deadline)) {
        seen = group.now().size();
        if (seen == members) {
          out.printf("[%s] alert group argus-alerts has %d members%n", NAME, seen);
          return;
        }
        Thread.sleep(500);
      }
      out.printf("! [%s] alert group argus-alerts has %d members, not %d%n", NAME, seen, members);
    }
  }

  /**
   * Every event the load derived (its rows in {@code power_events}) against what the webhook
   * received, by event id: none missing, none twice.
   */
  private List<Check> alertsOfTheLoad(BenchStack stack, PrintStream out) throws Exception {
    String prefix = "faults-" + NAME + "-";
    List<String> expected;
    try (Connection db = stack.connect()) {
      expected = eventIds(db, prefix);
    }
    Predicate<WebhookReceiver.Delivery> ofFleet =
        d -> d.subjectId() != null && d.subjectId().startsWith(prefix);
    Instant deadline = Instant.now().plus(ALERT_WAIT);
    while (Instant.now().isBefore(deadline)
        && !receiver.deliveries().stream()
            .filter(ofFleet)
            .map(WebhookReceiver.Delivery::eventId)
            .toList()
            .containsAll(expected)) {
      Thread.sleep(500);
    }
    Thread.sleep(SETTLE);
    List<String> delivered =
        receiver.deliveries().stream()
            .filter(ofFleet)
            .map(WebhookReceiver.Delivery::eventId)
            .toList();
    Tally tally = Tally.of(expected, delivered);
    double slowest =
        receiver.deliveries().stream()
            .filter(ofFleet)
            .filter(d -> d.occurredAt() != null)
            .mapToDouble(d -> Duration.between(d.occurredAt(), d.receivedAt()).toMillis() / 1000.0)
            .max()
            .orElse(Double.NaN);
    String sentRows;
    try (Connection db = stack.connect()) {
      sentRows = outcomes(db, prefix);
    }
    out.printf(
        "[%s] alerts of the load: %d events, %d deliveries, %d missing, %d doubled, %d"
            + " unexpected; alert_deliveries: %s; slowest delivery %.1f s after its event%n",
        NAME,
        expected.size(),
        delivered.size(),
        tally.missing(),
        tally.duplicated(),
        tally.unexpected(),
        sentRows,
        slowest);
    return List.of(
        Check.of(
            "webhook deliveries of the load's " + expected.size() + " events, across the kill",
            "each once: 0 missing, 0 doubled",
            String.format(
                "%d deliveries: %d missing, %d doubled, %d unexpected (alert_deliveries: %s);"
                    + " slowest %.1f s after its event",
                delivered.size(),
                tally.missing(),
                tally.duplicated(),
                tally.unexpected(),
                sentRows,
                slowest),
            !expected.isEmpty() && tally.missing() == 0 && tally.duplicated() == 0));
  }

  /**
   * One on_battery event on every partition of {@code argus.events}, from devices of its own: a
   * WebSocket client on each replica must receive each once, and the webhook each once.
   */
  private List<Check> probe(BenchStack stack, String when, PrintStream out) throws Exception {
    SyntheticFleet probes = new SyntheticFleet("two-apis-probe-" + when, 10_000, 1, 1);
    List<Integer> devices = onePerPartition(probes, partitions(stack, Topics.EVENTS.name()));
    List<String> subjects = devices.stream().map(probes::deviceId).toList();
    try (LiveClient onFirst = LiveClient.open(first, adminKey);
        LiveClient onSecond = LiveClient.open(second, adminKey);
        ReadingProducer producer = new ReadingProducer(stack.kafkaBootstrap())) {
      Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      for (int device : devices) {
        producer.send(probes.reading(device, 0, at));
        producer.send(probes.reading(device, 1, at.plusSeconds(1)));
      }
      producer.flush();
      Instant deadline = Instant.now().plus(PROBE_WAIT);
      while (Instant.now().isBefore(deadline)
          && !(seenAll(onFirst, subjects)
              && seenAll(onSecond, subjects)
              && deliveredAll(subjects))) {
        Thread.sleep(250);
      }
      Thread.sleep(SETTLE);
      Tally onA = Tally.of(subjects, notified(onFirst, subjects));
      Tally onB = Tally.of(subjects, notified(onSecond, subjects));
      Tally hooks =
          Tally.of(
              subjects,
              receiver.deliveries().stream()
                  .filter(d -> "on_battery".equals(d.eventType()))
                  .map(WebhookReceiver.Delivery::subjectId)
                  .filter(subjects::contains)
                  .toList());
      out.printf(
          "[%s] probe %s: %d events (one per partition); WebSocket api %s, %s %s; webhook %s%n",
          NAME, when, subjects.size(), brief(onA), SECOND, brief(onB), brief(hooks));
      String label = " (" + subjects.size() + " probe events, " + when + " the load)";
      return List.of(
          Check.of(
              "WebSocket notification.new on api and on " + SECOND + label,
              "each event once on each",
              "api " + brief(onA) + "; " + SECOND + " " + brief(onB),
              onA.exact() && onB.exact()),
          Check.of("webhook deliveries" + label, "each once", brief(hooks), hooks.exact()));
    }
  }

  private boolean deliveredAll(List<String> subjects) {
    return receiver.deliveries().stream()
        .map(WebhookReceiver.Delivery::subjectId)
        .toList()
        .containsAll(subjects);
  }

  private static boolean seenAll(LiveClient client, List<String> subjects) {
    return notified(client, subjects).containsAll(subjects);
  }

  private static List<String> notified(LiveClient client, List<String> subjects) {
    return client.notifications().stream()
        .filter(n -> "on_battery".equals(n.type()) && subjects.contains(n.subject()))
        .map(LiveClient.Notification::subject)
        .toList();
  }

  private static String brief(Tally tally) {
    return String.format(
        "%d of %d, %d missing, %d doubled",
        tally.stored(), tally.expected(), tally.missing(), tally.duplicated());
  }

  /** Devices of {@code fleet} whose events land one on each partition (the default partitioner). */
  static List<Integer> onePerPartition(SyntheticFleet fleet, int partitions) {
    Map<Integer, Integer> byPartition = new HashMap<>();
    for (int device = 0; byPartition.size() < partitions && device < fleet.devices(); device++) {
      byte[] key = fleet.deviceId(device).getBytes(StandardCharsets.UTF_8);
      byPartition.putIfAbsent(Utils.toPositive(Utils.murmur2(key)) % partitions, device);
    }
    return byPartition.values().stream().sorted().toList();
  }

  private static int partitions(BenchStack stack, String topic) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    try (Admin admin = Admin.create(props)) {
      return admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get(30, TimeUnit.SECONDS)
          .get(topic)
          .partitions()
          .size();
    }
  }

  private static List<String> eventIds(Connection db, String prefix) throws SQLException {
    try (var statement =
        db.prepareStatement("SELECT event_id::text FROM power_events WHERE device_id LIKE ?")) {
      statement.setString(1, prefix + "%");
      List<String> ids = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
      return ids;
    }
  }

  /** The outcomes {@code alert_deliveries} recorded for the fleet, e.g. {@code sent 70}. */
  private static String outcomes(Connection db, String prefix) throws SQLException {
    try (var statement =
        db.prepareStatement(
            "SELECT outcome, count(*) FROM alert_deliveries WHERE subject_id LIKE ?"
                + " GROUP BY outcome ORDER BY outcome")) {
      statement.setString(1, prefix + "%");
      List<String> parts = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          parts.add(rows.getString(1) + " " + rows.getLong(2));
        }
      }
      return parts.isEmpty() ? "none" : String.join(", ", parts);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
