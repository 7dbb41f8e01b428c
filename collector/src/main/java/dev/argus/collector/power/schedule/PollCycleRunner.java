package dev.argus.collector.power.schedule;

import dev.argus.collector.kafka.TopicPublisher;
import dev.argus.collector.metrics.PollCount;
import dev.argus.collector.power.PowerPoller;
import dev.argus.collector.power.device.Device;
import dev.argus.contract.power.PowerReading;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one poll cycle: polls every enabled device of the plan once, waits for the polls up to the
 * poll deadline and publishes exactly one reading per polled UPS or PDU to {@code
 * argus.readings.power}, failed polls included, in the order of the plan's devices. When cycles run
 * is the {@link PollScheduler}'s business.
 *
 * <p>Each device is polled on its own virtual thread, so a slow device delays no other. A poll that
 * is still running when the poll deadline (counted from the start of the cycle) passes is
 * cancelled: its thread is interrupted, which closes its NUT socket (blocking socket I/O of a
 * virtual thread is interruptible) or ends its wait for an SNMP answer, and a failed reading says
 * so. A device whose cancelled previous poll has not ended yet, which only a poll stuck in
 * something uninterruptible such as a DNS lookup can cause, is not polled again but reported as
 * failed, so polls of one device never overlap.
 *
 * <p>A cycle whose thread is interrupted (shutdown) abandons its polls: they are cancelled and
 * nothing more is published for them.
 */
public final class PollCycleRunner {

  private static final Logger log = LoggerFactory.getLogger(PollCycleRunner.class);

  private final PowerPoller poller;
  private final TopicPublisher<String, PowerReading> readings;
  private final Duration pollDeadline;
  private final Clock clock;
  private final PollCount polls;
  // Devices whose poll body has not returned yet; a cancelled poll counts until it really ends.
  private final Set<String> devicesBeingPolled = ConcurrentHashMap.newKeySet();
  private final Map<String, Thread> pollThreads = new ConcurrentHashMap<>();
  private final ThreadFactory pollThreadFactory =
      Thread.ofVirtual().name("device-poll-", 0).factory();

  public PollCycleRunner(
      PowerPoller poller,
      TopicPublisher<String, PowerReading> readings,
      Duration pollDeadline,
      Clock clock) {
    this(poller, readings, pollDeadline, clock, PollCount.unregistered());
  }

  /**
   * @param polls counts each device's poll, {@code kind="power"}
   */
  public PollCycleRunner(
      PowerPoller poller,
      TopicPublisher<String, PowerReading> readings,
      Duration pollDeadline,
      Clock clock,
      PollCount polls) {
    this.poller = poller;
    this.readings = readings;
    this.pollDeadline = pollDeadline;
    this.clock = clock;
    this.polls = polls;
  }

  /** Everything one device's poll may take, counted from the start of the cycle. */
  public Duration pollDeadline() {
    return pollDeadline;
  }

  /**
   * Runs one cycle of the devices the plan gives for it, on the caller's thread.
   *
   * @return the cycle's report, without a trigger id (the scheduler knows which trigger it answers)
   */
  public CycleReport run(PollPlan plan) {
    var startedAt = clock.instant();
    long startNanos = System.nanoTime();
    List<Device> devices = plan.devicesForCycle();
    long deadlineNanos = System.nanoTime() + pollDeadline.toNanos();
    Map<Device, CompletableFuture<List<PowerReading>>> polls = new LinkedHashMap<>();
    int errors = 0;
    for (Device device : devices) {
      if (!device.enabled()) {
        continue;
      }
      if (devicesBeingPolled.contains(device.id())) {
        errors +=
            publish(
                poller.failedReadings(
                    device, "the previous poll is still running; this poll was skipped"));
        continue;
      }
      polls.put(device, startPoll(device));
    }
    for (var entry : polls.entrySet()) {
      if (Thread.currentThread().isInterrupted()) {
        // Shutting down: the polls of this cycle are abandoned, not reported as device failures.
        polls.keySet().forEach(device -> pollThreads.get(device.id()).interrupt());
        break;
      }
      errors += publish(await(entry.getKey(), entry.getValue(), deadlineNanos));
    }
    return new CycleReport(
        startedAt,
        (System.nanoTime() - startNanos) / 1_000_000L,
        polls.size(),
        errors,
        clock.instant(),
        null);
  }

  /** Interrupts every poll still running, e.g. at shutdown. */
  public void cancelPolls() {
    pollThreads.values().forEach(Thread::interrupt);
  }

  private CompletableFuture<List<PowerReading>> startPoll(Device device) {
    var result = new CompletableFuture<List<PowerReading>>();
    devicesBeingPolled.add(device.id());
    Thread thread =
        pollThreadFactory.newThread(
            () -> {
              List<PowerReading> polled = null;
              Throwable failure = null;
              try {
                polled = poller.poll(device);
              } catch (RuntimeException | Error e) {
                failure = e;
              } finally {
                // Before completing: whoever sees the result must also see the device as free.
                devicesBeingPolled.remove(device.id());
              }
              if (failure == null) {
                result.complete(polled);
              } else {
                result.completeExceptionally(failure);
              }
            });
    pollThreads.put(device.id(), thread);
    thread.start();
    return result;
  }

  private List<PowerReading> await(
      Device device, Future<List<PowerReading>> poll, long deadlineNanos) {
    try {
      return poll.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      pollThreads.get(device.id()).interrupt();
      return poller.failedReadings(
          device,
          "poll did not finish within the poll deadline of "
              + pollDeadline.toMillis()
              + " ms and was cancelled ("
              + device.host()
              + ":"
              + device.port()
              + ")");
    } catch (ExecutionException e) {
      log.error("{}: poll failed unexpectedly", device.id(), e.getCause());
      return poller.failedReadings(device, "poll failed unexpectedly: " + e.getCause());
    } catch (InterruptedException e) {
      pollThreads.get(device.id()).interrupt();
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  /** Publishes the readings of one device; returns 1 if any of them is a failed poll. */
  private int publish(List<PowerReading> deviceReadings) {
    boolean failed = false;
    for (PowerReading reading : deviceReadings) {
      if (!reading.succeeded()) {
        failed = true;
        log.warn("{}: poll failed: {}", reading.deviceId(), reading.error());
      }
      readings.publish(reading.deviceId(), reading);
    }
    if (!deviceReadings.isEmpty()) {
      polls.add("power", !failed);
    }
    return failed ? 1 : 0;
  }
}
