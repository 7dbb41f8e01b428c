package dev.argus.bench.faults;

import dev.argus.bench.BenchStack;
import dev.argus.bench.ReadingProducer;
import dev.argus.bench.SyntheticFleet;
import dev.argus.contract.Topics;
import dev.argus.contract.power.PowerReading;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToDoubleFunction;

/**
 * The soak: {@code --soak-rate} readings a second ({@code --soak-rate} devices, one reading each a
 * second) for {@code --soak-minutes}, no fault. Every {@code --soak-sample} seconds it records each
 * consumer group's lag, each process's memory and the database's size; at the end it reports their
 * slopes per hour (least squares) and counts every reading in PostgreSQL and on the topic. Millions
 * of readings are counted in bit sets indexed by (round, device), not kept as keys.
 *
 * <p>What "flat" means is written in the checks: the later half of the run (the first holds the
 * warm-up: the JIT, caches, Kafka's segments) must show consumer lag growing by less than 1% of the
 * hour's load, each process's memory by less than 5% of its mean (or 20 MiB, whichever is larger)
 * per hour, and the database growing no faster per hour than in the first half (+25%): rows are
 * stored, so it grows, but a growing rate means bloat.
 */
final class Soak implements Scenario {

  static final double LAG_SLOPE_SHARE_OF_LOAD = 0.01;
  static final double MEMORY_SLOPE_SHARE = 0.05;
  static final long MEMORY_SLOPE_FLOOR_KIB = 20 * 1024;
  static final double DATABASE_RATE_GROWTH = 1.25;

  private final FaultsOptions options;

  Soak(FaultsOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return "soak";
  }

  @Override
  public ScenarioRow run(FaultsContext context) throws Exception {
    PrintStream out = context.out();
    BenchStack stack = context.sharedStack();
    int rate = options.soakRate();
    int rounds = options.soakMinutes() * 60;
    SyntheticFleet fleet = new SyntheticFleet("faults-soak", rate, 10, 5);
    Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    out.printf(
        "[soak] %,d readings/s for %d min (%,d readings); a sample every %d s%n",
        rate, options.soakMinutes(), (long) rate * rounds, options.soakSampleSeconds());
    List<SoakSample> samples = new CopyOnWriteArrayList<>();
    long sent;
    boolean caughtUp;
    long started = System.nanoTime();
    try (Connection db = stack.connect();
        ConsumerLag lag = new ConsumerLag(stack.kafkaBootstrap());
        ReadingProducer producer = new ReadingProducer(stack.kafkaBootstrap())) {
      StoredTelemetry stored = new StoredTelemetry(db, fleet.prefix());
      AtomicBoolean sampling = new AtomicBoolean(true);
      Thread sampler =
          Thread.ofPlatform()
              .name("faults-soak-sampler")
              .daemon()
              .start(() -> sample(stack, lag, stored, started, samples, sampling, out));
      sent = drive(producer, fleet, rounds, base);
      caughtUp = awaitCaughtUp(stored, sent, out);
      sampling.set(false);
      sampler.interrupt();
      sampler.join(30_000);
      out.printf("[soak] counting %,d readings in PostgreSQL and on the topic%n", sent);
      Tally readings = storedReadings(db, fleet, rounds, base);
      Tally readingsOnTopic = readingsOnTopic(stack, fleet, rounds, base);
      SteadyLoad load = new SteadyLoad(fleet, rounds, base);
      Tally events = Tally.of(load.events(), stored.events());
      Tally eventsOnTopic =
          Tally.of(
              load.events(),
              TopicRecords.keys(
                  stack.kafkaBootstrap(),
                  Topics.EVENTS,
                  e -> e.subjectId().startsWith(fleet.prefix() + "-"),
                  e -> new SteadyLoad.EventKey(e.subjectId(), e.eventType(), e.timestamp())));
      List<Check> checks = checks(samples, rate);
      String description =
          String.format(
              Locale.ROOT,
              "%,d readings/s of %,d devices for %d min, no fault; %d samples, %d s apart. %s",
              rate,
              rate,
              options.soakMinutes(),
              samples.size(),
              options.soakSampleSeconds(),
              figures(samples));
      return new ScenarioRow(
          name(),
          description,
          readings,
          events,
          readingsOnTopic,
          eventsOnTopic,
          0,
          0,
          0,
          0,
          0,
          Double.NaN,
          Double.NaN,
          caughtUp,
          checks);
    }
  }

  private long drive(ReadingProducer producer, SyntheticFleet fleet, int rounds, Instant base)
      throws InterruptedException {
    long start = System.nanoTime();
    int slices = 10;
    int slice = Math.max(1, (fleet.devices() + slices - 1) / slices);
    long sent = 0;
    for (int round = 0; round < rounds; round++) {
      Instant at = base.plusSeconds(round);
      for (int from = 0, n = 0; from < fleet.devices(); from += slice, n++) {
        long due = start + round * 1_000_000_000L + n * (1_000_000_000L / slices);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(Duration.ofNanos(wait));
        }
        for (int device = from; device < Math.min(from + slice, fleet.devices()); device++) {
          producer.send(fleet.reading(device, round, at));
          sent++;
        }
      }
    }
    producer.flush();
    return sent;
  }

  private void sample(
      BenchStack stack,
      ConsumerLag lag,
      StoredTelemetry stored,
      long started,
      List<SoakSample> samples,
      AtomicBoolean sampling,
      PrintStream out) {
    long every = options.soakSampleSeconds() * 1_000_000_000L;
    long next = System.nanoTime();
    while (sampling.get()) {
      try {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(Duration.ofNanos(wait));
        }
        next += every;
        double seconds = (System.nanoTime() - started) / 1e9;
        SoakSample sample =
            new SoakSample(
                seconds,
                lag.now(),
                stack.memoryNowKib(),
                databaseBytes(stack),
                stored.snapshotCount());
        samples.add(sample);
        out.printf(
            Locale.ROOT,
            "    [soak] %6.0f s: lag %,d, memory %,d MiB, database %,d MiB, %,d readings stored%n",
            seconds,
            sample.totalLag(),
            sample.memoryKib().values().stream().mapToLong(Long::longValue).sum() / 1024,
            sample.databaseBytes() / (1024 * 1024),
            sample.storedReadings());
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        out.println("! soak sample failed: " + e);
      }
    }
  }

  private static long databaseBytes(BenchStack stack) throws Exception {
    try (Connection c = stack.connect();
        var rs = c.createStatement().executeQuery("SELECT pg_database_size(current_database())")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private boolean awaitCaughtUp(StoredTelemetry stored, long sent, PrintStream out)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(options.drainTimeout()).toNanos();
    while (stored.snapshotCount() < sent) {
      if (System.nanoTime() > deadline) {
        out.printf(
            "! soak: %,d of %,d readings stored after the drain timeout%n",
            stored.snapshotCount(), sent);
        return false;
      }
      Thread.sleep(1000);
    }
    return true;
  }

  /** Every reading of the fleet in {@code power_snapshots}, by (round, device) in a bit set. */
  private static Tally storedReadings(Connection db, SyntheticFleet fleet, int rounds, Instant base)
      throws Exception {
    Counter counter = new Counter(fleet, rounds, base);
    db.setAutoCommit(false);
    try (PreparedStatement st =
        db.prepareStatement("SELECT device_id, ts FROM power_snapshots WHERE device_id LIKE ?")) {
      st.setFetchSize(10_000);
      st.setString(1, fleet.prefix() + "-%");
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          counter.found(rs.getString(1), rs.getTimestamp(2).toInstant());
        }
      }
    } finally {
      db.commit();
      db.setAutoCommit(true);
    }
    return counter.tally();
  }

  private static Tally readingsOnTopic(
      BenchStack stack, SyntheticFleet fleet, int rounds, Instant base) {
    Counter counter = new Counter(fleet, rounds, base);
    String prefix = fleet.prefix() + "-";
    TopicRecords.<PowerReading>forEach(
        stack.kafkaBootstrap(),
        Topics.READINGS_POWER,
        Duration.ofMinutes(20),
        r -> {
          if (r.deviceId().startsWith(prefix)) {
            counter.found(r.deviceId(), r.timestamp());
          }
        });
    return counter.tally();
  }

  /**
   * Counts readings of the soak's fleet by (round, device): bit {@code round × devices + device} is
   * set by the first sighting, a second sighting is a duplicate, a key outside the load is
   * unexpected.
   */
  static final class Counter {
    private final SyntheticFleet fleet;
    private final int rounds;
    private final Instant base;
    private final BitSet seen;
    private long found;
    private long duplicated;
    private final TreeSet<String> unexpected = new TreeSet<>();

    Counter(SyntheticFleet fleet, int rounds, Instant base) {
      this.fleet = fleet;
      this.rounds = rounds;
      this.base = base;
      this.seen = new BitSet(Math.multiplyExact(fleet.devices(), rounds));
    }

    void found(String deviceId, Instant at) {
      found++;
      int device = deviceIndex(deviceId);
      long round = Duration.between(base, at).toSeconds();
      boolean onTheSecond = !at.isBefore(base) && base.plusSeconds(round).equals(at);
      if (device < 0 || round < 0 || round >= rounds || !onTheSecond) {
        unexpected.add(deviceId + "@" + at);
        return;
      }
      int bit = (int) round * fleet.devices() + device;
      if (seen.get(bit)) {
        duplicated++;
      } else {
        seen.set(bit);
      }
    }

    private int deviceIndex(String deviceId) {
      String prefix = fleet.prefix() + "-";
      if (!deviceId.startsWith(prefix)) {
        return -1;
      }
      try {
        int device = Integer.parseInt(deviceId.substring(prefix.length()));
        return device < fleet.devices() && fleet.deviceId(device).equals(deviceId) ? device : -1;
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    Tally tally() {
      long expected = (long) fleet.devices() * rounds;
      return new Tally(
          expected, found, expected - seen.cardinality(), duplicated, unexpected.size());
    }
  }

  private List<Check> checks(List<SoakSample> samples, int rate) {
    List<Check> checks = new ArrayList<>();
    if (samples.size() < 4) {
      checks.add(
          Check.of(
              "samples",
              "at least 4 (a longer --soak-minutes or a shorter --soak-sample)",
              Integer.toString(samples.size()),
              false));
      return checks;
    }
    double lagSlope = Slope.perHour(Slope.laterHalf(series(samples, s -> s.totalLag())));
    double lagLimit = rate * 3600.0 * LAG_SLOPE_SHARE_OF_LOAD;
    checks.add(
        Check.of(
            "consumer lag (all groups), slope over the later half",
            String.format(Locale.ROOT, "< %,.0f records/h (1%% of the hour's load)", lagLimit),
            String.format(Locale.ROOT, "%,.0f records/h", lagSlope),
            lagSlope < lagLimit));
    for (String process : new TreeSet<>(samples.getLast().memoryKib().keySet())) {
      List<Slope.Point> memory =
          series(samples, s -> s.memoryKib().getOrDefault(process, 0L) / 1024.0);
      List<Slope.Point> later = Slope.laterHalf(memory);
      double slope = Slope.perHour(later);
      double mean = later.stream().mapToDouble(Slope.Point::value).average().orElse(0);
      double limit = Math.max(mean * MEMORY_SLOPE_SHARE, MEMORY_SLOPE_FLOOR_KIB / 1024.0);
      checks.add(
          Check.of(
              "memory of " + process + ", slope over the later half",
              String.format(Locale.ROOT, "< %.0f MiB/h (mean %.0f MiB)", limit, mean),
              String.format(Locale.ROOT, "%.1f MiB/h", slope),
              slope < limit));
    }
    List<Slope.Point> size = series(samples, s -> s.databaseBytes() / (1024.0 * 1024.0));
    double first = Slope.perHour(Slope.firstHalf(size));
    double later = Slope.perHour(Slope.laterHalf(size));
    checks.add(
        Check.of(
            "database growth, later half against first half",
            String.format(
                Locale.ROOT,
                "<= %.0f MiB/h (first half %.0f MiB/h, +25%%)",
                first * DATABASE_RATE_GROWTH,
                first),
            String.format(Locale.ROOT, "%.0f MiB/h", later),
            later <= first * DATABASE_RATE_GROWTH));
    return checks;
  }

  private static List<Slope.Point> series(
      List<SoakSample> samples, ToDoubleFunction<SoakSample> figure) {
    return samples.stream()
        .map(s -> new Slope.Point(s.seconds(), figure.applyAsDouble(s)))
        .toList();
  }

  private static String figures(List<SoakSample> samples) {
    if (samples.isEmpty()) {
      return "No samples.";
    }
    SoakSample first = samples.getFirst();
    SoakSample last = samples.getLast();
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Lag %,d → %,d (largest %,d); database %,d → %,d MiB; memory (MiB)",
            first.totalLag(),
            last.totalLag(),
            samples.stream().mapToLong(SoakSample::totalLag).max().orElse(0),
            first.databaseBytes() / (1024 * 1024),
            last.databaseBytes() / (1024 * 1024)));
    for (Map.Entry<String, Long> process : new java.util.TreeMap<>(last.memoryKib()).entrySet()) {
      text.append(
          String.format(
              Locale.ROOT,
              " %s %d → %d",
              process.getKey(),
              first.memoryKib().getOrDefault(process.getKey(), 0L) / 1024,
              process.getValue() / 1024));
    }
    return text.append('.').toString();
  }
}
