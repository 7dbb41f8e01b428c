package dev.argus.bench;

import dev.argus.contract.power.PowerReading;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * One ingest measurement: produce {@code devices × readingsPerDevice} readings as fast as possible,
 * and time until every reading is a row of {@code power_snapshots} and every derived event a row of
 * {@code power_events}. Then the reference: the same rows by one raw {@code COPY} into a scratch
 * table shaped like {@code power_snapshots} (same columns, keys and indexes).
 */
final class IngestRun {

  /**
   * What one run measured.
   *
   * @param memoryPeaksKib peak memory per process during the pipeline part, or empty
   */
  record Outcome(
      long readings,
      long events,
      double produceSeconds,
      double pipelineSeconds,
      double copySeconds,
      double bytesPerStoredReading,
      Map<String, Long> memoryPeaksKib) {

    double pipelineRowsPerSecond() {
      return readings / pipelineSeconds;
    }

    double copyRowsPerSecond() {
      return readings / copySeconds;
    }
  }

  private final BenchStack stack;
  private final PrintStream out;

  IngestRun(BenchStack stack, PrintStream out) {
    this.stack = stack;
    this.out = out;
  }

  Outcome run(String label, int devices, int readingsPerDevice, boolean sampleMemory)
      throws Exception {
    SyntheticFleet fleet = new SyntheticFleet("bench-" + label, devices, 10, 5);
    long readings = (long) devices * readingsPerDevice;
    long events = fleet.expectedEvents(readingsPerDevice);
    Instant base =
        Instant.now()
            .minusSeconds(readingsPerDevice + 60L)
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    out.printf(
        "[%s] %,d readings of %,d devices (%,d events expected)%n",
        label, readings, devices, events);

    try (var db = stack.connect()) {
      TelemetryTables tables = new TelemetryTables(db);
      tables.truncateTelemetry();
      MemorySampler sampler = sampleMemory ? stack.memorySampler().start() : null;
      long start = System.nanoTime();
      double produceSeconds;
      try (ReadingProducer producer = new ReadingProducer(stack.kafkaBootstrap())) {
        rows(fleet, readingsPerDevice, base, Duration.ofSeconds(1))
            .forEachRemaining(producer::send);
        producer.flush();
        produceSeconds = seconds(System.nanoTime() - start);
      }
      awaitStored(tables, readings, events, Duration.ofSeconds(Math.max(180, readings / 1000)));
      double pipelineSeconds = seconds(System.nanoTime() - start);
      Map<String, Long> peaks = Map.of();
      if (sampler != null) {
        sampler.close();
        peaks = sampler.peaksKib();
      }
      double bytesPerReading = (double) tables.totalRelationBytes("power_snapshots") / readings;
      out.printf(
          "[%s] pipeline: produced in %.1f s, stored in %.1f s (%,.0f readings/s)%n",
          label, produceSeconds, pipelineSeconds, readings / pipelineSeconds);

      tables.execute("DROP TABLE IF EXISTS bench_copy_reference");
      tables.execute("CREATE TABLE bench_copy_reference (LIKE power_snapshots INCLUDING ALL)");
      long copyStart = System.nanoTime();
      tables.copy(
          "bench_copy_reference", rows(fleet, readingsPerDevice, base, Duration.ofSeconds(1)));
      double copySeconds = seconds(System.nanoTime() - copyStart);
      tables.execute("DROP TABLE bench_copy_reference");
      out.printf(
          "[%s] reference COPY: %.1f s (%,.0f rows/s)%n",
          label, copySeconds, readings / copySeconds);
      return new Outcome(
          readings, events, produceSeconds, pipelineSeconds, copySeconds, bytesPerReading, peaks);
    }
  }

  private void awaitStored(TelemetryTables tables, long readings, long events, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long lastReport = 0;
    while (true) {
      long snapshots = tables.count("power_snapshots");
      long stored = tables.count("power_events");
      if (snapshots >= readings && stored >= events) {
        if (snapshots > readings || stored > events) {
          throw new IllegalStateException(
              "More rows than produced ("
                  + snapshots
                  + " snapshots, "
                  + stored
                  + " events): another writer is using this database");
        }
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            String.format(
                "Only %,d of %,d snapshots and %,d of %,d events stored after %s: see the processor"
                    + " log",
                snapshots, readings, stored, events, timeout));
      }
      if (System.nanoTime() - lastReport > 10_000_000_000L) {
        out.printf(
            "    ... %,d / %,d snapshots, %,d / %,d events%n", snapshots, readings, stored, events);
        lastReport = System.nanoTime();
      }
      Thread.sleep(200);
    }
  }

  /** Reading-major order, as a fleet polled in rounds every {@code step} produces them. */
  static Iterator<PowerReading> rows(
      SyntheticFleet fleet, int readingsPerDevice, Instant base, Duration step) {
    return new Iterator<>() {
      private int reading;
      private int device;

      @Override
      public boolean hasNext() {
        return reading < readingsPerDevice;
      }

      @Override
      public PowerReading next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        PowerReading r = fleet.reading(device, reading, base.plus(step.multipliedBy(reading)));
        if (++device == fleet.devices()) {
          device = 0;
          reading++;
        }
        return r;
      }
    };
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
