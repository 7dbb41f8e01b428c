package dev.argus.bench.faults;

import dev.argus.bench.BenchStack;
import dev.argus.bench.faults.ApiCalls.Answer;
import dev.argus.contract.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The database's volume full under the load. The scenario's own stack keeps its PostgreSQL cluster
 * on a small tmpfs ({@value #VOLUME_MB} MB, mounted on the stack's {@code postgres} directory
 * before the stack starts, so the launcher's {@code initdb} fills it); halfway through second
 * {@code killAfter} a filler file takes every free byte of it, stays {@code fullSeconds} and is
 * deleted. Meanwhile: the processor's sink must say why it cannot store (its log names the lack of
 * space), keep the readings in Kafka (its committed offsets lag), the api must answer writes that
 * PostgreSQL refuses with 503 and a {@code detail} naming the disk, and its health must say so;
 * once the space is back both recover and nothing is lost. Needs root (mount); without it the row
 * says so and fails.
 */
final class DiskPressure implements Scenario {

  static final int VOLUME_MB = 300;
  private static final String SINK_GROUP = "argus-sink";

  /** Writes tried through the api while the disk is full before giving up on a refusal. */
  private static final int MAX_WRITES = 200;

  private final int fullSeconds;

  DiskPressure(int fullSeconds) {
    this.fullSeconds = fullSeconds;
  }

  @Override
  public String name() {
    return "disk-pressure";
  }

  @Override
  public ScenarioRow run(FaultsContext context) throws Exception {
    PrintStream out = context.out();
    Path dataDir = context.outputDir().resolve("stack-" + name());
    Path volume = dataDir.resolve("postgres");
    unmount(volume, out);
    deleteRecursively(dataDir);
    Files.createDirectories(volume);
    String mounted =
        run(
            "mount",
            "-t",
            "tmpfs",
            "-o",
            "size=" + VOLUME_MB + "m,mode=0700",
            "tmpfs",
            volume.toString());
    if (mounted != null) {
      return ScenarioRow.notRun(
          name(),
          "The database volume could not be made: mount -t tmpfs failed (" + mounted + ")",
          Check.of(
              "a " + VOLUME_MB + " MB tmpfs for PostgreSQL",
              "mounted (needs root)",
              mounted,
              false));
    }
    out.printf("[%s] %d MB tmpfs mounted on %s%n", name(), VOLUME_MB, volume);
    try {
      // reset(false): the launcher would delete the data directory, and with it the mount point's
      // contents; it was emptied above instead.
      BenchStack stack = context.ownStack(name(), builder -> builder.reset(false));
      return new FaultUnderLoad(stack, context.options(), new FullDisk(volume), out).run();
    } finally {
      context.close();
      unmount(volume, out);
    }
  }

  /** The fault itself: the filler, the api and the sink watched while it is there. */
  private final class FullDisk implements Fault {

    private final Path volume;
    private final List<Check> during = new ArrayList<>();
    private long processorLogFrom;
    private volatile double secondsToRows = Double.NaN;

    FullDisk(Path volume) {
      this.volume = volume;
    }

    @Override
    public String name() {
      return DiskPressure.this.name();
    }

    @Override
    public String process() {
      return "postgres";
    }

    @Override
    public String description() {
      return String.format(
          Locale.ROOT,
          "PostgreSQL's %d MB volume (tmpfs) filled to the last byte by a filler file for %d s,"
              + " then the filler deleted",
          VOLUME_MB,
          fullSeconds);
    }

    @Override
    public CompletableFuture<Void> inject(BenchStack stack, PrintStream out) throws Exception {
      processorLogFrom = Files.size(stack.logFile("processor"));
      ApiCalls admin = new ApiCalls(stack.apiBaseUrl(), stack.adminKey());
      return CompletableFuture.runAsync(
          () -> {
            Path filler = volume.resolve("filler");
            try (CommittedOffsets offsets =
                new CommittedOffsets(stack.kafkaBootstrap(), SINK_GROUP)) {
              long started = System.nanoTime();
              long free = volume.toFile().getUsableSpace();
              long written = fill(filler);
              out.printf(
                  "[%s] filler of %,d bytes written (%,d were free); %,d bytes free now%n",
                  name(), written, free, volume.toFile().getUsableSpace());
              Thread.sleep(Math.min(5, fullSeconds / 3) * 1000L);
              CommittedOffsets.Position early = offsets.of(Topics.READINGS_POWER.name());
              refusedWrite(admin, out);
              Answer health = new ApiCalls(stack.apiBaseUrl(), null).get("/api/health");
              String database = health.json().map(j -> j.path("database").asString("")).orElse("");
              during.add(
                  Check.of(
                      "GET /api/health while the disk is full",
                      "503, database full",
                      health.summary(),
                      health.status() == 503 && "full".equals(database)));
              long left = started + fullSeconds * 1_000_000_000L - System.nanoTime();
              if (left > 0) {
                Thread.sleep(Duration.ofNanos(left));
              }
              CommittedOffsets.Position late = offsets.of(Topics.READINGS_POWER.name());
              during.add(
                  Check.of(
                      "the sink leaves the readings in Kafka (argus-sink on argus.readings.power)",
                      "lag grows while the disk is full",
                      "early: " + early + "; late: " + late,
                      late.lag() > early.lag()));
              Files.deleteIfExists(filler);
              long freed = System.nanoTime();
              out.printf(
                  "[%s] filler deleted; %,d bytes free%n",
                  name(), volume.toFile().getUsableSpace());
              awaitRows(stack, freed);
            } catch (Exception e) {
              throw new IllegalStateException("The full disk failed: " + e, e);
            } finally {
              try {
                Files.deleteIfExists(filler);
              } catch (IOException e) {
                out.println("! could not delete the filler: " + e.getMessage());
              }
            }
          },
          runnable -> Thread.ofPlatform().name("faults-disk-pressure").start(runnable));
    }

    /**
     * Creates disabled targets (the collector ignores them) until PostgreSQL refuses one: a small
     * row fits into a page the table already has, so the first writes may still succeed.
     */
    private void refusedWrite(ApiCalls admin, PrintStream out) {
      Answer answer = null;
      int accepted = 0;
      String padding = "x".repeat(900);
      for (int i = 0; i < MAX_WRITES; i++) {
        answer =
            admin.post(
                "/api/v1/targets",
                "{\"name\":\"faults-disk-"
                    + i
                    + "\",\"type\":\"http\",\"address\":\"http://127.0.0.1:9/\",\"enabled\":false,"
                    + "\"keyword\":\""
                    + padding
                    + "\"}");
        if (answer.status() != 201) {
          break;
        }
        accepted++;
      }
      out.printf("[%s] %d write(s) accepted before: %s%n", name(), accepted, answer.summary());
      String detail = answer.detail().orElse("");
      during.add(
          Check.of(
              "a write PostgreSQL refuses (POST /api/v1/targets, after " + accepted + " accepted)",
              "503 with a detail naming the disk space",
              answer.summary(),
              answer.status() == 503 && detail.toLowerCase(Locale.ROOT).contains("disk")));
    }

    private void awaitRows(BenchStack stack, long freed) throws SQLException, InterruptedException {
      try (var db = ReconnectingConnection.open(stack);
          var count = db.prepareStatement("SELECT count(*) FROM power_snapshots")) {
        long before = count(count);
        long deadline = freed + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
          if (count(count) > before) {
            secondsToRows = (System.nanoTime() - freed) / 1e9;
            return;
          }
          Thread.sleep(100);
        }
      }
    }

    private static long count(java.sql.PreparedStatement count) throws SQLException {
      try (var rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }

    @Override
    public List<Check> verify(BenchStack stack, PrintStream out) throws Exception {
      List<Check> checks = new ArrayList<>(during);
      checks.add(
          Check.of(
              "rows flow again after the filler is deleted",
              "new power_snapshots rows",
              Double.isNaN(secondsToRows)
                  ? "none within 120 s"
                  : String.format(Locale.ROOT, "after %.1f s", secondsToRows),
              !Double.isNaN(secondsToRows)));
      SinkRetries retries = SinkRetries.inLog(stack.logFile("processor"), processorLogFrom);
      out.printf("[%s] sink retries: %s; %s%n", name(), retries.summary(), retries.problems());
      checks.add(
          Check.of(
              "the sink says why it cannot store (processor log)",
              "retries that name the disk space, backing off",
              retries.total() + " retries: " + String.join(" / ", retries.problems()),
              retries.backedOff()
                  && retries.problems().stream()
                      .anyMatch(p -> p.toLowerCase(Locale.ROOT).contains("disk"))));
      ApiCalls anonymous = new ApiCalls(stack.apiBaseUrl(), null);
      Answer health = anonymous.awaitStatus("/api/health", 200, Duration.ofSeconds(90));
      checks.add(
          Check.of(
              "GET /api/health once the space is back",
              "200",
              health.summary(),
              health.status() == 200));
      Answer write =
          new ApiCalls(stack.apiBaseUrl(), stack.adminKey())
              .post(
                  "/api/v1/targets",
                  "{\"name\":\"faults-disk-after\",\"type\":\"http\","
                      + "\"address\":\"http://127.0.0.1:9/\",\"enabled\":false}");
      checks.add(
          Check.of(
              "a write once the space is back", "201", write.summary(), write.status() == 201));
      return checks;
    }
  }

  /** Writes 1 MiB blocks until the volume refuses one; the filler's size. */
  private static long fill(Path filler) throws IOException {
    byte[] block = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        // The last block is written in part (the kernel takes what fits) before the refusal.
        out.write(block);
      }
    } catch (IOException full) {
      if (!String.valueOf(full.getMessage()).contains("No space left")) {
        throw full;
      }
    }
    return Files.size(filler);
  }

  private static void unmount(Path volume, PrintStream out) throws IOException {
    String mounts = Files.readString(Path.of("/proc/mounts"));
    if (!mounts.contains(" " + volume.toAbsolutePath() + " ")) {
      return;
    }
    String failed = run("umount", volume.toString());
    if (failed != null) {
      // Busy (a process left over): detach it now, the kernel frees it when the last user goes.
      failed = run("umount", "-l", volume.toString());
    }
    out.printf(
        "[disk-pressure] tmpfs on %s %s%n",
        volume, failed == null ? "unmounted" : "left: " + failed);
  }

  /** Runs a command; null when it succeeded, else what it said. */
  private static String run(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String said = new String(process.getInputStream().readAllBytes()).strip();
      return process.waitFor() == 0 ? null : "exit " + process.exitValue() + ": " + said;
    } catch (IOException e) {
      return e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
