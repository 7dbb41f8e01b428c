package dev.argus.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event latency at a steady rate: readings of a fleet where some devices flip between {@code OL}
 * and {@code OB} are produced at {@code rate} per second (in ten slices a second); the send time of
 * every reading that must derive an event is kept under (device, timestamp), and a poller asks
 * {@code GET /api/events?page_size=200} every 20 ms (deeper pages when page 1 does not hold every
 * new event), matching new events by device and timestamp. Latency is from just before the send to
 * the poll that first returned the event, so it includes up to one poll interval and one API
 * response time.
 */
final class LatencyRun {

  record Outcome(Percentiles millis, long expected, long missing, double achievedRate) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int PAGE_SIZE = 200;
  private static final Duration DRAIN = Duration.ofSeconds(30);

  private final BenchStack stack;
  private final PrintStream out;
  private final HttpClient http = HttpClient.newHttpClient();

  LatencyRun(BenchStack stack, PrintStream out) {
    this.stack = stack;
    this.out = out;
  }

  Outcome run(int rate, Duration duration) throws Exception {
    int seconds = (int) duration.toSeconds();
    // Flip often enough that even a short (--quick) run derives events to time.
    int flipPeriod = Math.max(1, Math.min(5, seconds / 3));
    SyntheticFleet fleet = new SyntheticFleet("bench-latency-" + rate, rate, 10, flipPeriod);
    try (var db = stack.connect()) {
      new TelemetryTables(db).truncateTelemetry();
    }
    Map<String, Long> pendingSentNanos = new ConcurrentHashMap<>();
    List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    Set<Long> seenIds = new HashSet<>();
    var polling = new java.util.concurrent.atomic.AtomicBoolean(true);
    Thread poller =
        Thread.ofPlatform()
            .name("bench-event-poller")
            .start(
                () -> {
                  while (polling.get()) {
                    pollOnce(pendingSentNanos, seenIds, latencies);
                    sleep(20);
                  }
                });
    long expected = 0;
    long sent = 0;
    long start = System.nanoTime();
    int slice = Math.max(1, rate / 10);
    try (ReadingProducer producer = new ReadingProducer(stack.kafkaBootstrap())) {
      for (int reading = 0; reading < seconds; reading++) {
        for (int from = 0; from < fleet.devices(); from += slice) {
          long sliceStart = start + reading * 1_000_000_000L + (long) from / slice * 100_000_000L;
          sleepUntil(sliceStart);
          Instant timestamp = Instant.ofEpochMilli(System.currentTimeMillis());
          for (int device = from; device < Math.min(from + slice, fleet.devices()); device++) {
            if (reading > 0
                && fleet.onBattery(device, reading) != fleet.onBattery(device, reading - 1)) {
              pendingSentNanos.put(key(fleet.deviceId(device), timestamp), System.nanoTime());
              expected++;
            }
            producer.send(fleet.reading(device, reading, timestamp));
            sent++;
          }
        }
      }
      producer.flush();
    }
    double achievedRate = sent / ((System.nanoTime() - start) / 1e9);
    long drainDeadline = System.nanoTime() + DRAIN.toNanos();
    while (!pendingSentNanos.isEmpty() && System.nanoTime() < drainDeadline) {
      sleep(100);
    }
    polling.set(false);
    poller.join();
    out.printf(
        "[latency] %,d readings at %,.0f/s, %,d events expected, %,d never seen%n",
        sent, achievedRate, expected, pendingSentNanos.size());
    return new Outcome(Percentiles.of(latencies), expected, pendingSentNanos.size(), achievedRate);
  }

  /**
   * Reads page 1, and deeper pages only while fewer events have been seen than the table holds: the
   * sink may store a late batch whose events sort below page 1 (the API orders by event time).
   */
  private void pollOnce(Map<String, Long> pending, Set<Long> seenIds, List<Double> latencies) {
    try {
      long total = Long.MAX_VALUE;
      for (int page = 1; seenIds.size() < total; page++) {
        HttpResponse<byte[]> response =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            stack.apiBaseUrl()
                                + "/api/events?page_size="
                                + PAGE_SIZE
                                + "&page="
                                + page))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        long seen = System.nanoTime();
        if (response.statusCode() != 200) {
          return;
        }
        JsonNode body = JSON.readTree(response.body());
        total = body.path("total").asLong();
        for (JsonNode item : body.path("items")) {
          if (!seenIds.add(item.path("id").asLong())) {
            continue;
          }
          Instant ts = Instant.parse(item.path("timestamp").asString());
          Long sentAt = pending.remove(key(item.path("device_id").asString(), ts));
          if (sentAt != null) {
            latencies.add((seen - sentAt) / 1e6);
          }
        }
        if (body.path("items").size() < PAGE_SIZE) {
          return;
        }
      }
    } catch (java.io.IOException e) {
      out.println("    ! polling /api/events failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String key(String deviceId, Instant timestamp) {
    return deviceId + '|' + timestamp.toEpochMilli();
  }

  private static void sleepUntil(long nanoTime) {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      sleep(wait / 1_000_000);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
