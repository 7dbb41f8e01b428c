package dev.argus.bench.faults;

import dev.argus.bench.BenchStack;
import dev.argus.bench.faults.ApiCalls.Answer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * PostgreSQL stopped under the load for {@code outageSeconds}, then started again on the same port
 * and data. While it is down the api is asked, as a client would: a data endpoint without a key
 * ({@code /api/snapshots}), a keyed read and a keyed write ({@code /api/v1/targets}, whose key
 * check itself needs the database) and {@code /api/health}; each must answer 503 with a {@code
 * detail} (not a 500, not a 401 that blames the key), early in the outage and late in it.
 * Afterwards the processor's log must show the sink backing off (retries at growing waits, not a
 * tight loop), the processor and api must have stayed up, and the counts must be exact.
 */
final class PostgresDown implements Fault {

  /** Seconds into the outage of the first round of requests, once the server is surely gone. */
  private static final int EARLY_SECONDS = 3;

  private final int outageSeconds;
  private final List<Round> rounds = new ArrayList<>();
  private Map<String, Long> pidsBefore = Map.of();
  private long processorLogFrom;

  PostgresDown(int outageSeconds) {
    this.outageSeconds = outageSeconds;
  }

  /** What the api answered at one moment of the outage. */
  private record Round(
      String when, Answer snapshots, Answer keyedRead, Answer keyedWrite, Answer health) {}

  @Override
  public String name() {
    return "postgres-down";
  }

  @Override
  public String process() {
    return "postgres";
  }

  @Override
  public String description() {
    return "PostgreSQL stopped (a fast shutdown), down for "
        + outageSeconds
        + " s, then started again on the same port and data";
  }

  @Override
  public CompletableFuture<Void> inject(BenchStack stack, PrintStream out) throws Exception {
    pidsBefore = stack.jvmPids();
    processorLogFrom = Files.size(stack.logFile("processor"));
    ApiCalls anonymous = new ApiCalls(stack.apiBaseUrl(), null);
    ApiCalls admin = new ApiCalls(stack.apiBaseUrl(), stack.adminKey());
    return CompletableFuture.runAsync(
        () -> {
          try {
            long started = System.nanoTime();
            out.printf("[%s] stopping PostgreSQL%n", name());
            stack.stopDatabase();
            out.printf("[%s] PostgreSQL stopped; down for %d s%n", name(), outageSeconds);
            sleepUntil(started, EARLY_SECONDS);
            rounds.add(ask("early (" + EARLY_SECONDS + " s in)", anonymous, admin));
            int late = Math.max(EARLY_SECONDS + 1, outageSeconds - 10);
            sleepUntil(started, late);
            rounds.add(ask("late (" + late + " s in)", anonymous, admin));
            sleepUntil(started, outageSeconds);
            stack.startDatabaseAgain();
            out.printf("[%s] PostgreSQL started again%n", name());
          } catch (Exception e) {
            throw new IllegalStateException("The database outage failed: " + e, e);
          }
        },
        runnable -> Thread.ofPlatform().name("faults-postgres-down").start(runnable));
  }

  private static Round ask(String when, ApiCalls anonymous, ApiCalls admin) {
    return new Round(
        when,
        anonymous.get("/api/snapshots"),
        admin.get("/api/v1/targets"),
        admin.post(
            "/api/v1/targets", ApiCalls.httpTarget("faults-postgres-down", "http://127.0.0.1:9/")),
        anonymous.get("/api/health"));
  }

  @Override
  public List<Check> verify(BenchStack stack, PrintStream out) throws Exception {
    List<Check> checks = new ArrayList<>();
    for (Round round : rounds) {
      checks.add(unavailable("GET /api/snapshots, " + round.when(), round.snapshots()));
      checks.add(
          unavailable(
              "GET /api/v1/targets with the admin key, " + round.when(), round.keyedRead()));
      checks.add(
          unavailable(
              "POST /api/v1/targets with the admin key, " + round.when(), round.keyedWrite()));
      Answer health = round.health();
      String database = health.json().map(j -> j.path("database").asString("")).orElse("");
      checks.add(
          Check.of(
              "GET /api/health, " + round.when(),
              "503, database unreachable",
              health.summary(),
              health.status() == 503 && "unreachable".equals(database)));
    }
    if (rounds.size() < 2) {
      checks.add(Check.of("api asked during the outage", "2 rounds", rounds.size() + "", false));
    }
    ApiCalls anonymous = new ApiCalls(stack.apiBaseUrl(), null);
    Answer healthAfter = anonymous.awaitStatus("/api/health", 200, Duration.ofSeconds(60));
    checks.add(
        Check.of(
            "GET /api/health after the outage",
            "200",
            healthAfter.summary(),
            healthAfter.status() == 200));
    Answer keyedAfter = new ApiCalls(stack.apiBaseUrl(), stack.adminKey()).get("/api/v1/targets");
    checks.add(
        Check.of(
            "GET /api/v1/targets with the admin key after the outage",
            "200",
            keyedAfter.status() + "",
            keyedAfter.status() == 200));
    SinkRetries retries = SinkRetries.inLog(stack.logFile("processor"), processorLogFrom);
    out.printf("[%s] sink retries: %s; %s%n", name(), retries.summary(), retries.problems());
    checks.add(
        Check.of(
            "sink backed off during the outage (processor log)",
            "retries at growing waits, at most one a second of outage per sink",
            retries.summary(),
            retries.backedOff()
                && retries.waitsByThread().values().stream()
                    .allMatch(w -> w.size() <= outageSeconds)));
    checks.add(stayedUp(stack, "processor"));
    checks.add(stayedUp(stack, "api"));
    return checks;
  }

  private Check stayedUp(BenchStack stack, String service) {
    Long before = pidsBefore.get(service);
    Long now = stack.jvmPids().get(service);
    return Check.of(
        service + " stayed up",
        "same pid " + before,
        "pid " + now,
        before != null && before.equals(now));
  }

  /** 503 with a non-blank {@code detail}, and not after a client would have given up. */
  static Check unavailable(String name, Answer answer) {
    boolean detailed = answer.detail().filter(d -> !d.isBlank()).isPresent();
    return Check.of(
        name, "503 with a detail", answer.summary(), answer.status() == 503 && detailed);
  }

  private static void sleepUntil(long started, int seconds) throws InterruptedException {
    long wait = started + seconds * 1_000_000_000L - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(Duration.ofNanos(wait));
    }
  }
}
