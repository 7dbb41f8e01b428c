package dev.argus.bench.faults;

import dev.argus.bench.BenchStack;
import dev.argus.bench.faults.ApiCalls.Answer;
import dev.argus.contract.Topics;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.config.TargetConfig;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The api killed while a configuration change waits in its outbox: the broker is stopped, so the
 * outbox relay cannot publish; a new uptime target is created through the api (it commits with its
 * {@code config_outbox} row); the api gets {@code SIGKILL}; the broker is started again and the
 * supervisor restarts the api. The change must still reach the collectors: the row leaves the
 * outbox, the target is on {@code argus.config} once (or repeated with the same value, which the
 * compacted topic absorbs), and the collector probes it ({@code argus.readings.probe}).
 */
final class ApiKillOutbox implements Fault {

  /** How long the relay and the collector get to act on the change once the broker is back. */
  private static final Duration PROPAGATION = Duration.ofSeconds(120);

  /** The api restarts (supervisor, 1 s) while the broker is still down: it must cope. */
  private static final Duration BROKER_DOWN_AFTER_KILL = Duration.ofSeconds(5);

  private final List<Check> steps = new ArrayList<>();
  private volatile long targetId = -1;

  @Override
  public String name() {
    return "api-kill-outbox";
  }

  @Override
  public String process() {
    return "api";
  }

  @Override
  public String description() {
    return "the broker stopped; a new uptime target created through the api (its config record"
        + " queued in the outbox); SIGKILL to the api; the broker started again "
        + BROKER_DOWN_AFTER_KILL.toSeconds()
        + " s later, the supervisor restarted the api";
  }

  @Override
  public CompletableFuture<Void> inject(BenchStack stack, PrintStream out) throws Exception {
    ApiCalls admin = new ApiCalls(stack.apiBaseUrl(), stack.adminKey());
    // The collector probes the api's own health endpoint: always there, and answers fast.
    String body = ApiCalls.httpTarget("faults-outbox", stack.apiBaseUrl() + "/api/health");
    return CompletableFuture.runAsync(
        () -> {
          try {
            out.printf("[%s] stopping the broker%n", name());
            stack.stopBroker();
            Answer created = admin.post("/api/v1/targets", body);
            targetId = created.json().map(j -> j.path("id").asLong(-1)).orElse(-1L);
            steps.add(
                Check.of(
                    "target created while the broker is down",
                    "201 with an id",
                    created.summary(),
                    created.status() == 201 && targetId > 0));
            long queued = outboxRows(stack);
            steps.add(Check.count("its config record waits in config_outbox", 1, queued));
            long pid = stack.jvmPids().get("api");
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            out.printf(
                "[%s] target %d created, %d outbox row(s); kill -9 api (pid %d)%n",
                name(), targetId, queued, pid);
            Thread.sleep(BROKER_DOWN_AFTER_KILL);
            steps.add(Check.count("the row survived the kill", 1, outboxRows(stack)));
            stack.startBrokerAgain();
            out.printf("[%s] broker started again%n", name());
          } catch (Exception e) {
            throw new IllegalStateException("The outbox fault failed: " + e, e);
          }
        },
        runnable -> Thread.ofPlatform().name("faults-api-kill-outbox").start(runnable));
  }

  @Override
  public List<Check> verify(BenchStack stack, PrintStream out) throws Exception {
    List<Check> checks = new ArrayList<>(steps);
    if (targetId <= 0) {
      return checks;
    }
    long deadline = System.nanoTime() + PROPAGATION.toNanos();
    long left = outboxRows(stack);
    while (left > 0 && System.nanoTime() < deadline) {
      Thread.sleep(500);
      left = outboxRows(stack);
    }
    checks.add(Check.count("the restarted api's relay published and removed the row", 0, left));
    List<TargetConfig> onTopic =
        TopicRecords.keys(
            stack.kafkaBootstrap(),
            Topics.CONFIG,
            entry -> entry.target() != null && entry.target().id() == targetId,
            entry -> entry.target());
    boolean sameValue = onTopic.stream().distinct().count() == 1;
    checks.add(
        Check.of(
            "argus.config records of " + ConfigKeys.target(targetId),
            "1 (or repeats of the same value)",
            onTopic.size() + (onTopic.size() > 1 && sameValue ? ", all the same value" : ""),
            onTopic.size() == 1 || (onTopic.size() > 1 && sameValue)));
    List<Instant> probes = List.of();
    while (probes.isEmpty() && System.nanoTime() < deadline) {
      probes =
          TopicRecords.keys(
              stack.kafkaBootstrap(),
              Topics.READINGS_PROBE,
              result -> result.targetId() == targetId,
              result -> result.timestamp());
      if (probes.isEmpty()) {
        Thread.sleep(2_000);
      }
    }
    out.printf("[%s] %d probe result(s) of target %d%n", name(), probes.size(), targetId);
    checks.add(
        Check.of(
            "the collector probes the new target (argus.readings.probe)",
            "at least 1 result",
            probes.size() + " result(s)",
            !probes.isEmpty()));
    Answer target =
        new ApiCalls(stack.apiBaseUrl(), stack.adminKey()).get("/api/v1/targets/" + targetId);
    checks.add(
        Check.of(
            "the restarted api serves the target",
            "200",
            target.status() + "",
            target.status() == 200));
    return checks;
  }

  private long outboxRows(BenchStack stack) throws SQLException {
    try (Connection db = stack.connect();
        PreparedStatement count =
            db.prepareStatement("SELECT count(*) FROM config_outbox WHERE record_key = ?")) {
      count.setString(1, ConfigKeys.target(targetId));
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
