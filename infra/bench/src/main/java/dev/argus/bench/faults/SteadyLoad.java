package dev.argus.bench.faults;

import dev.argus.bench.ReadingProducer;
import dev.argus.bench.SyntheticFleet;
import dev.argus.contract.Topics;
import dev.argus.contract.events.PowerEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A steady, known load: one reading per device per second for {@code rounds} seconds, round {@code
 * r} stamped {@code base + r s}, so every reading has a unique natural key (device id, timestamp)
 * and the events it must derive are known before it is sent: the fleet's flipping devices go {@code
 * OL} → {@code OB} → {@code OL} on a fixed schedule, one {@code on_battery} or {@code
 * power_restored} per change.
 *
 * <p>Beside the power readings, the {@link MixedKinds}: probe results, LLM probe readings and
 * camera motion readings, one a second of each target, model and camera, sent with the first slice
 * of each round.
 */
final class SteadyLoad {

  /** A reading's natural key, the primary key of {@code power_snapshots}. */
  record ReadingKey(String deviceId, Instant at) {}

  /** An event's natural key: which device, what happened, at the time of the reading. */
  record EventKey(String deviceId, String type, Instant at) {}

  private static final int SLICES = 10;

  private final SyntheticFleet fleet;
  private final int rounds;
  private final Instant base;
  private final MixedKinds mixed;

  SteadyLoad(SyntheticFleet fleet, int rounds, Instant base) {
    this(fleet, rounds, base, MixedKinds.forDevices(fleet.prefix(), fleet.devices(), base));
  }

  SteadyLoad(SyntheticFleet fleet, int rounds, Instant base, MixedKinds mixed) {
    this.fleet = fleet;
    this.rounds = rounds;
    this.base = base;
    this.mixed = mixed;
  }

  MixedKinds mixed() {
    return mixed;
  }

  List<MixedKinds.ProbeKey> probeResults() {
    return mixed.probeResults(rounds, base);
  }

  List<EventKey> targetEvents() {
    return mixed.targetEvents(rounds, base);
  }

  List<String> llmReadings() {
    return mixed.llmReadings(rounds);
  }

  /** Camera motion readings by id; each must raise the camera event named after it. */
  List<String> cameraReadings() {
    return mixed.cameraReadings(rounds);
  }

  Instant at(int round) {
    return base.plusSeconds(round);
  }

  List<ReadingKey> readings() {
    List<ReadingKey> keys = new ArrayList<>(fleet.devices() * rounds);
    for (int round = 0; round < rounds; round++) {
      for (int device = 0; device < fleet.devices(); device++) {
        keys.add(new ReadingKey(fleet.deviceId(device), at(round)));
      }
    }
    return keys;
  }

  /** Every change of a device between on line and on battery after its first reading. */
  List<EventKey> events() {
    List<EventKey> keys = new ArrayList<>();
    for (int device = 0; device < fleet.devices(); device++) {
      for (int round = 1; round < rounds; round++) {
        boolean onBattery = fleet.onBattery(device, round);
        if (onBattery != fleet.onBattery(device, round - 1)) {
          PowerEventType type =
              onBattery ? PowerEventType.ON_BATTERY : PowerEventType.POWER_RESTORED;
          keys.add(new EventKey(fleet.deviceId(device), type.wireName(), at(round)));
        }
      }
    }
    return keys;
  }

  /**
   * Sends round {@code r} from {@code r} seconds after the start (wall clock), in ten slices 100 ms
   * apart so that readings are always in flight, calling {@code afterSlice} with the number of
   * readings sent so far after each slice (where a scenario injects its fault), and waits until the
   * broker has acknowledged every reading. The mixed kinds go out through {@code others} with the
   * first slice of each round.
   */
  void drive(ReadingProducer producer, RawProducer others, LongConsumer afterSlice)
      throws InterruptedException {
    long start = System.nanoTime();
    int slice = Math.max(1, (fleet.devices() + SLICES - 1) / SLICES);
    long sent = 0;
    for (int round = 0; round < rounds; round++) {
      for (int from = 0, n = 0; from < fleet.devices(); from += slice, n++) {
        long due = start + Duration.ofSeconds(round).toNanos() + n * (1_000_000_000L / SLICES);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(Duration.ofNanos(wait));
        }
        if (n == 0) {
          sendMixed(others, round);
        }
        for (int device = from; device < Math.min(from + slice, fleet.devices()); device++) {
          producer.send(fleet.reading(device, round, at(round)));
          sent++;
        }
        afterSlice.accept(sent);
      }
    }
    producer.flush();
    others.flush();
  }

  private void sendMixed(RawProducer others, int round) {
    Instant at = at(round);
    for (int target = 0; target < mixed.targets(); target++) {
      var result = mixed.probe(target, at, round);
      others.send(Topics.READINGS_PROBE, result.key(), result);
    }
    for (int model = 0; model < mixed.models(); model++) {
      others.send(Topics.READINGS_LLM, mixed.modelId(model), mixed.llmReading(model, at, round));
    }
    for (int camera = 0; camera < mixed.cameras(); camera++) {
      others.send(Topics.READINGS_CAMERA, mixed.cameraId(camera), mixed.motion(camera, at, round));
    }
  }
}
