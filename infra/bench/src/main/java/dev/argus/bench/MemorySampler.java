package dev.argus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the resident memory of the stack's processes every 500 ms and keeps each one's peak.
 * PostgreSQL is one postmaster and its children; they share the buffer cache, so their RSS sum
 * counts it once per process: the sampler sums PSS (proportional set size) for PostgreSQL instead,
 * which splits shared pages among the processes that map them.
 */
final class MemorySampler implements AutoCloseable {

  private final Map<String, Long> jvms;
  private final Path postmasterPidFile;
  private final Map<String, Long> peakKib = new TreeMap<>();
  private long peakTotalKib;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  MemorySampler(Map<String, Long> jvms, Path postmasterPidFile) {
    this.jvms = Map.copyOf(jvms);
    this.postmasterPidFile = postmasterPidFile;
  }

  MemorySampler start() {
    timer.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
    return this;
  }

  /** Peak KiB per process name, and {@code total} for the peak of the sum at one instant. */
  synchronized Map<String, Long> peaksKib() {
    Map<String, Long> peaks = new TreeMap<>(peakKib);
    peaks.put("total", peakTotalKib);
    return peaks;
  }

  private synchronized void sample() {
    Map<String, Long> now = nowKib();
    long total = 0;
    for (var process : now.entrySet()) {
      peakKib.merge(process.getKey(), process.getValue(), Math::max);
      total += process.getValue();
    }
    peakTotalKib = Math.max(peakTotalKib, total);
  }

  /**
   * The memory of each process now, in KiB: each JVM's RSS and PostgreSQL's PSS summed over the
   * postmaster and its children (the soak's samples).
   */
  Map<String, Long> nowKib() {
    Map<String, Long> now = new TreeMap<>();
    for (var jvm : jvms.entrySet()) {
      now.put(jvm.getKey(), statusKib(jvm.getValue(), "VmRSS:"));
    }
    long postgres = 0;
    for (long pid : postgresPids()) {
      postgres += pssKib(pid);
    }
    now.put("postgres", postgres);
    return now;
  }

  private List<Long> postgresPids() {
    List<Long> pids = new ArrayList<>();
    try {
      long postmaster = Long.parseLong(Files.readAllLines(postmasterPidFile).getFirst().trim());
      pids.add(postmaster);
      ProcessHandle.of(postmaster).ifPresent(p -> p.children().forEach(c -> pids.add(c.pid())));
    } catch (IOException | RuntimeException e) {
      // PostgreSQL not up (yet): nothing to count in this sample.
    }
    return pids;
  }

  static long statusKib(long pid, String field) {
    return fieldKib(Path.of("/proc", Long.toString(pid), "status"), field);
  }

  static long pssKib(long pid) {
    return fieldKib(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:");
  }

  private static long fieldKib(Path file, String field) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // The process ended between listing and reading: it uses no memory now.
    }
    return 0;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
