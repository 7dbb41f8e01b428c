package dev.argus.api.system.health;

import dev.argus.api.system.DatabaseSpace;
import dev.argus.api.system.detection.DetectionStatus;
import dev.argus.api.system.detection.DetectionSummary;
import dev.argus.api.system.health.HealthRepository.Heartbeat;
import dev.argus.api.system.health.HealthRepository.NewestWrite;
import dev.argus.api.system.health.HealthRepository.WorkerStatus;
import dev.argus.api.system.health.SystemHealth.AiProviders;
import dev.argus.api.system.health.SystemHealth.CameraWorker;
import dev.argus.api.system.health.SystemHealth.CameraWorkers;
import dev.argus.api.system.health.SystemHealth.CollectorHealth;
import dev.argus.api.system.health.SystemHealth.Collectors;
import dev.argus.api.system.health.SystemHealth.Component;
import dev.argus.api.system.health.SystemHealth.Components;
import dev.argus.api.system.health.SystemHealth.Processor;
import dev.argus.contract.camera.CameraState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;

/**
 * Looks at every part: the broker on a thread of its own while the database is asked, so the answer
 * takes the longer of the two, not their sum.
 */
@org.springframework.stereotype.Component
class SystemHealthCheck implements DisposableBean {

  private static final Set<String> CAMERA_FAULTS =
      Set.of(CameraState.OFFLINE.wireName(), CameraState.ERROR.wireName(), SystemHealth.STALE);

  private final HealthRepository repository;
  private final BrokerCheck broker;
  private final AiChainHealth aiChain;
  private final SystemHealthProperties properties;
  private final Clock clock;
  private final DetectionStatus detection;
  private final DatabaseSpace space;
  private final ExecutorService brokerThreads = Executors.newVirtualThreadPerTaskExecutor();

  SystemHealthCheck(
      HealthRepository repository,
      BrokerCheck broker,
      AiChainHealth aiChain,
      SystemHealthProperties properties,
      Clock clock,
      DetectionStatus detection,
      DatabaseSpace space) {
    this.repository = repository;
    this.broker = broker;
    this.aiChain = aiChain;
    this.properties = properties;
    this.clock = clock;
    this.detection = detection;
    this.space = space;
  }

  SystemHealth check() {
    CompletableFuture<Component> brokerState =
        CompletableFuture.supplyAsync(broker::check, brokerThreads);
    Instant now = clock.instant();
    Components components;
    try {
      repository.ping();
      components =
          new Components(
              database(),
              brokerState.join(),
              collectors(repository.heartbeats(), now),
              cameraWorkers(repository.cameraStatuses(), now),
              aiChain.of(repository.aiChain()),
              processor(repository.newestProcessorWrite(), now),
              detection.current());
    } catch (DataAccessException e) {
      String unknown = "the database is unavailable";
      components =
          new Components(
              new Component(SystemHealth.DOWN, "PostgreSQL is unavailable: " + rootMessage(e)),
              brokerState.join(),
              new Collectors(SystemHealth.UNKNOWN, unknown, List.of()),
              new CameraWorkers(SystemHealth.UNKNOWN, unknown, List.of()),
              new AiProviders(SystemHealth.UNKNOWN, unknown, null, List.of()),
              new Processor(SystemHealth.UNKNOWN, unknown, null, null),
              DetectionSummary.unknown(unknown));
    }
    return SystemHealth.of(now, components);
  }

  /** Reads work on a full disk, so the ping alone would call it fine; a refused write tells. */
  private Component database() {
    return space
        .recentRefusal()
        .map(
            refusal ->
                new Component(
                    SystemHealth.DOWN,
                    "PostgreSQL answers but refuses writes for lack of disk space ("
                        + refusal.message()
                        + ", at "
                        + refusal.at()
                        + "); free space on its volume"))
        .orElseGet(() -> new Component(SystemHealth.OK, "PostgreSQL answers"));
  }

  private Collectors collectors(List<Heartbeat> heartbeats, Instant now) {
    Duration staleAfter = properties.collectorStaleAfter();
    List<CollectorHealth> items =
        heartbeats.stream()
            .map(
                beat -> {
                  Duration age = ageOf(beat.lastHeartbeat(), now);
                  String state =
                      age.compareTo(staleAfter) > 0 ? SystemHealth.STALE : SystemHealth.OK;
                  return new CollectorHealth(
                      beat.collectorId(),
                      beat.lastHeartbeat(),
                      age.toSeconds(),
                      beat.schedulerRunning(),
                      state);
                })
            .toList();
    long fresh = items.stream().filter(c -> SystemHealth.OK.equals(c.state())).count();
    if (items.isEmpty()) {
      return new Collectors(SystemHealth.DOWN, "no collector has reported; is one running?", items);
    }
    String detail =
        fresh + " of " + items.size() + " collector(s) sent a heartbeat within " + staleAfter;
    if (fresh == 0) {
      return new Collectors(SystemHealth.DOWN, detail, items);
    }
    return new Collectors(
        fresh == items.size() ? SystemHealth.OK : SystemHealth.DEGRADED, detail, items);
  }

  private CameraWorkers cameraWorkers(List<WorkerStatus> statuses, Instant now) {
    if (statuses.isEmpty()) {
      return new CameraWorkers(SystemHealth.NONE, "no camera worker has reported", List.of());
    }
    Duration staleAfter = properties.cameraStaleAfter();
    List<CameraWorker> items =
        statuses.stream()
            .map(
                status -> {
                  Duration age = ageOf(status.updatedAt(), now);
                  // A stopped camera has no worker to report; its last status stays true.
                  boolean stale =
                      age.compareTo(staleAfter) > 0
                          && !CameraState.STOPPED.wireName().equals(status.state());
                  return new CameraWorker(
                      status.cameraId(),
                      status.cameraName(),
                      status.collectorId(),
                      stale ? SystemHealth.STALE : status.state(),
                      status.reason(),
                      status.fps(),
                      status.updatedAt(),
                      age.toSeconds());
                })
            .toList();
    long faulty = items.stream().filter(w -> CAMERA_FAULTS.contains(w.state())).count();
    String detail =
        faulty == 0
            ? items.size() + " camera worker(s), none offline, in error or stale"
            : faulty
                + " of "
                + items.size()
                + " camera worker(s) offline, in error or silent for more than "
                + staleAfter;
    return new CameraWorkers(faulty == 0 ? SystemHealth.OK : SystemHealth.DEGRADED, detail, items);
  }

  private Processor processor(Optional<NewestWrite> newest, Instant now) {
    if (newest.isEmpty()) {
      return new Processor(
          SystemHealth.UNKNOWN, "the processor has written nothing yet", null, null);
    }
    NewestWrite write = newest.get();
    Duration age = ageOf(write.at(), now);
    Duration staleAfter = properties.collectorStaleAfter();
    if (age.compareTo(staleAfter) > 0) {
      return new Processor(
          SystemHealth.STALE,
          "nothing written for "
              + age.toSeconds()
              + " s (newest in "
              + write.table()
              + "); is the processor running, and a collector?",
          write.at(),
          write.table());
    }
    return new Processor(
        SystemHealth.OK,
        "newest row " + age.toSeconds() + " s old, in " + write.table(),
        write.at(),
        write.table());
  }

  /** Clocks of collector and api hosts differ a little; a future timestamp is age zero. */
  private static Duration ageOf(Instant at, Instant now) {
    Duration age = Duration.between(at, now);
    return age.isNegative() ? Duration.ZERO : age;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  @Override
  public void destroy() {
    brokerThreads.shutdownNow();
  }
}
