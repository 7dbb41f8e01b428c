package dev.argus.bench.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the api what it shows of the collectors ({@code GET /api/v1/system/health}, {@code
 * components.collectors.items[].state}: {@code ok} or {@code stale}) every 500 ms on a thread of
 * its own, and keeps every change of a collector's state with its time: what a user watching the
 * health page during the fault would have seen.
 */
final class CollectorHealthWatch implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration EVERY = Duration.ofMillis(500);

  /** A collector's state as the api showed it from {@code at} on. */
  record Change(Instant at, String state) {}

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final HttpRequest request;
  private final Map<String, List<Change>> changes = new HashMap<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private volatile int failedAsks;

  CollectorHealthWatch(String apiBaseUrl, String apiKey) {
    this.request =
        HttpRequest.newBuilder(URI.create(apiBaseUrl + "/api/v1/system/health"))
            .header("X-Api-Key", apiKey)
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    this.thread = Thread.ofPlatform().name("faults-health-watch").daemon().start(this::watch);
  }

  /** Every change of {@code collectorId}'s state, the first sample included. */
  synchronized List<Change> changes(String collectorId) {
    return List.copyOf(changes.getOrDefault(collectorId, List.of()));
  }

  /** Asks that got no answer or an answer without the collectors (the api restarting, say). */
  int failedAsks() {
    return failedAsks;
  }

  /**
   * The changes as text, with seconds from {@code origin}: {@code "ok (-12.0 s), stale (+6.4 s), ok
   * (+19.1 s)"}.
   */
  String describe(String collectorId, Instant origin) {
    List<String> parts = new ArrayList<>();
    for (Change change : changes(collectorId)) {
      double seconds = Duration.between(origin, change.at()).toMillis() / 1000.0;
      parts.add(String.format(java.util.Locale.ROOT, "%s (%+.1f s)", change.state(), seconds));
    }
    return parts.isEmpty() ? "never shown" : String.join(", ", parts);
  }

  /** The first time {@code collectorId} was shown in {@code state} after {@code since}, or null. */
  Instant firstShown(String collectorId, String state, Instant since) {
    return changes(collectorId).stream()
        .filter(c -> c.state().equals(state) && !c.at().isBefore(since))
        .map(Change::at)
        .findFirst()
        .orElse(null);
  }

  /** The state shown last, or null when the collector was never shown. */
  String lastState(String collectorId) {
    List<Change> list = changes(collectorId);
    return list.isEmpty() ? null : list.getLast().state();
  }

  private void watch() {
    while (running.get()) {
      try {
        Instant at = Instant.now();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode items = JSON.readTree(response.body()).path("components").path("collectors");
        if (!items.path("items").isArray()) {
          failedAsks++;
        } else {
          record(at, items.path("items"));
        }
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        failedAsks++;
      }
      try {
        Thread.sleep(EVERY);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private synchronized void record(Instant at, JsonNode items) {
    for (JsonNode item : items) {
      String id = item.path("collector_id").asString();
      String state = item.path("state").asString();
      List<Change> list = changes.computeIfAbsent(id, c -> new ArrayList<>());
      if (list.isEmpty() || !list.getLast().state().equals(state)) {
        list.add(new Change(at, state));
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.interrupt();
    thread.join(5_000);
  }
}
