package dev.argus.collector.probe;

import static dev.argus.collector.probe.TargetFixture.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.contract.config.TargetConfig;
import dev.argus.contract.probe.ProbeResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler with real tcp probes against loopback sockets (plus probes that block or throw,
 * where the test needs to hold a probe in flight), collecting results instead of publishing them.
 */
class ProbeSchedulerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final List<ProbeResult> results = new CopyOnWriteArrayList<>();
  private final CountDownLatch releaseBlocked = new CountDownLatch(1);
  private final AtomicInteger blockedNow = new AtomicInteger();
  private final AtomicInteger blockedMost = new AtomicInteger();
  private final AtomicInteger interrupted = new AtomicInteger();
  private ServerSocket listening;
  private ProbeScheduler scheduler;

  @BeforeEach
  void listen() throws IOException {
    listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  @AfterEach
  void stop() throws IOException {
    releaseBlocked.countDown();
    if (scheduler != null) {
      scheduler.stop();
    }
    listening.close();
  }

  @Test
  void probesEachEnabledTargetOnItsIntervalUpAndDown() throws IOException {
    // Given
    scheduler = scheduler(256);
    scheduler.targetsChanged(
        List.of(
            tcp(1, listening.getLocalPort()).build(),
            tcp(2, closedPort()).build(),
            tcp(3, listening.getLocalPort()).disabled().build()));

    // When
    scheduler.start();

    // Then
    await().atMost(PATIENCE).until(() -> count(1) >= 2 && count(2) >= 2);
    assertThat(results).filteredOn(r -> r.targetId() == 1).allMatch(ProbeResult::up);
    assertThat(results)
        .filteredOn(r -> r.targetId() == 2)
        .allSatisfy(r -> assertThat(r.error()).contains("Connection refused"));
    assertThat(count(3)).isZero();
    assertThat(scheduler.targetsConfigured()).isEqualTo(2);
  }

  @Test
  void appliesChangesWhileRunning() throws IOException {
    // Given a target on a closed port
    scheduler = scheduler(256);
    scheduler.start();
    TargetConfig onClosedPort = tcp(1, closedPort()).build();
    scheduler.targetsChanged(List.of(onClosedPort));
    await().atMost(PATIENCE).until(() -> count(1) >= 1);

    // When its address changes, then its results follow the new address
    scheduler.targetsChanged(List.of(tcp(1, listening.getLocalPort()).build()));
    await()
        .atMost(PATIENCE)
        .until(() -> results.stream().anyMatch(r -> r.targetId() == 1 && r.up()));

    // When it is renamed, then the next result carries the new name
    scheduler.targetsChanged(List.of(tcp(1, listening.getLocalPort()).name("renamed").build()));
    await()
        .atMost(PATIENCE)
        .until(() -> results.stream().anyMatch(r -> r.targetName().equals("renamed")));

    // When it is removed and another one added, then only the other one is probed any more
    scheduler.targetsChanged(List.of(tcp(2, listening.getLocalPort()).build()));
    int firstTargetResults = count(1);
    await().atMost(PATIENCE).until(() -> count(2) >= 3);
    assertThat(count(1)).isEqualTo(firstTargetResults);
  }

  @Test
  void aDisabledTargetStops() throws IOException {
    scheduler = scheduler(256);
    scheduler.start();
    scheduler.targetsChanged(
        List.of(
            tcp(1, listening.getLocalPort()).build(), tcp(2, listening.getLocalPort()).build()));
    await().atMost(PATIENCE).until(() -> count(1) >= 1);

    scheduler.targetsChanged(
        List.of(
            tcp(1, listening.getLocalPort()).disabled().build(),
            tcp(2, listening.getLocalPort()).build()));
    int before = count(1);
    int otherBefore = count(2);
    await().atMost(PATIENCE).until(() -> count(2) >= otherBefore + 3);

    assertThat(count(1)).isEqualTo(before);
  }

  @Test
  void boundsTheProbesInFlight() {
    // Given five targets whose probes block, and room for two at a time
    scheduler = scheduler(2);
    scheduler.targetsChanged(
        List.of(1L, 2L, 3L, 4L, 5L).stream()
            .map(id -> target("blocking", "x").id(id).everySeconds(1).build())
            .toList());

    // When
    scheduler.start();

    // Then two run and the others wait, and a target still waiting or running is not probed again
    await().atMost(PATIENCE).until(() -> blockedNow.get() == 2);
    await().atMost(PATIENCE).until(() -> scheduler.probesSkipped() > 0);
    assertThat(results).isEmpty();
    // Released, every target gets its result

    releaseBlocked.countDown();
    await()
        .atMost(PATIENCE)
        .until(() -> List.of(1L, 2L, 3L, 4L, 5L).stream().allMatch(id -> count(id) >= 1));
    assertThat(blockedMost.get()).isEqualTo(2);
  }

  @Test
  void aProbeThatThrowsIsPublishedAsDown() {
    scheduler = scheduler(256);
    scheduler.targetsChanged(List.of(target("broken", "x").id(7).everySeconds(1).build()));
    scheduler.start();

    await().atMost(PATIENCE).until(() -> count(7) >= 1);
    assertThat(results.getFirst().up()).isFalse();
    assertThat(results.getFirst().error()).isEqualTo("probe exploded");
  }

  @Test
  void stopInterruptsProbesInFlightAndPublishesNothingMore() {
    scheduler = scheduler(256);
    scheduler.targetsChanged(List.of(target("blocking", "x").id(1).everySeconds(1).build()));
    scheduler.start();
    await().atMost(PATIENCE).until(() -> blockedNow.get() == 1);

    scheduler.stop();

    assertThat(scheduler.isRunning()).isFalse();
    assertThat(interrupted.get()).isEqualTo(1);
    assertThat(results).isEmpty();
  }

  private ProbeScheduler scheduler(int maxInFlight) {
    Probe blocking =
        (target, timeout) -> {
          blockedMost.accumulateAndGet(blockedNow.incrementAndGet(), Math::max);
          try {
            releaseBlocked.await();
          } catch (InterruptedException e) {
            interrupted.incrementAndGet();
            throw e;
          } finally {
            blockedNow.decrementAndGet();
          }
          return ProbeOutcome.up(1);
        };
    Probe broken =
        (target, timeout) -> {
          throw new IllegalStateException("probe exploded");
        };
    var prober =
        new TargetProber(
            Map.of("tcp", new TcpProbe(), "blocking", blocking, "broken", broken),
            "collector-test",
            Duration.ofSeconds(5),
            Clock.systemUTC());
    return new ProbeScheduler(prober, results::add, maxInFlight);
  }

  private int count(long targetId) {
    return (int) results.stream().filter(r -> r.targetId() == targetId).count();
  }

  private static TargetFixture tcp(long id, int port) {
    return target("tcp", "127.0.0.1:" + port).id(id).name("target " + id).everySeconds(1);
  }

  private static int closedPort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
