package dev.argus.processor.camera;

import dev.argus.contract.camera.MotionReading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs {@link ProtectMotionHold}, {@link MotionRules} and {@link CameraAlertEvents} against the
 * per-camera state stores and forwards each raised event with the alerts it opened, keyed by camera
 * id and stamped with the reading's time; a reading that raises nothing forwards nothing and leaves
 * the motion state as it was.
 *
 * <p>Held Protect motions are released by a wall-clock punctuator: the stream time of a task only
 * moves with its records, and one camera's readings may be minutes apart, so a stream-time
 * punctuator would keep a lone motion until the next reading of any camera of the task. The held
 * motions live in a changelogged store, so a restart or a rebalance releases them too; the release
 * and its outputs commit in one exactly-once transaction.
 */
final class MotionProcessor implements Processor<String, MotionReading, String, RaisedEvent> {

  /** How often the held motions are looked at; a lone motion waits its hold plus at most this. */
  static final Duration RELEASE_INTERVAL = Duration.ofMillis(500);

  private final CameraSettings settings;
  private final MotionRules rules;
  private final ProtectMotionHold hold;
  private final String configStore;
  private ProcessorContext<String, RaisedEvent> context;
  private KeyValueStore<String, MotionState> states;
  private KeyValueStore<String, HeldMotion> held;
  private CameraRulesView alertRules;

  MotionProcessor(CameraSettings settings, String configStore) {
    this.settings = settings;
    this.rules = new MotionRules(settings);
    this.hold = new ProtectMotionHold(settings.protectMotionHold());
    this.configStore = configStore;
  }

  @Override
  public void init(ProcessorContext<String, RaisedEvent> context) {
    this.context = context;
    this.states = context.getStateStore(CameraTopology.MOTION_STATE_STORE);
    this.held = context.getStateStore(CameraTopology.HELD_MOTION_STORE);
    this.alertRules =
        new CameraRulesView(
            context.getStateStore(configStore),
            settings.config().name(),
            settings.config().valueSerde().deserializer());
    context.schedule(RELEASE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::releaseDue);
  }

  @Override
  public void process(Record<String, MotionReading> record) {
    MotionReading reading = record.value();
    if (reading == null) {
      return;
    }
    // The collector keys readings by camera id, so the value's id names the same partition.
    String cameraId = reading.cameraId();
    List<HeldMotion> heldOfCamera = heldOf(cameraId);
    if (!heldOfCamera.isEmpty()) {
      ProtectMotionHold.Decision decision = hold.onReading(heldOfCamera, reading);
      decision.release().forEach(this::release);
      decision.hide().forEach(motion -> held.delete(HeldMotion.key(motion.reading())));
    }
    if (MotionRules.isProtectMotion(reading)) {
      held.put(
          HeldMotion.key(reading),
          new HeldMotion(reading, Instant.ofEpochMilli(context.currentSystemTimeMs())));
      return;
    }
    judge(reading);
  }

  private void releaseDue(long wallClockMs) {
    Instant now = Instant.ofEpochMilli(wallClockMs);
    List<HeldMotion> due = new ArrayList<>();
    try (KeyValueIterator<String, HeldMotion> all = held.all()) {
      all.forEachRemaining(
          entry -> {
            if (hold.dueByWallClock(entry.value, now)) {
              due.add(entry.value);
            }
          });
    }
    due.stream().sorted(ProtectMotionHold.OLDEST_FIRST).forEach(this::release);
  }

  private void release(HeldMotion motion) {
    held.delete(HeldMotion.key(motion.reading()));
    judge(motion.reading());
  }

  private void judge(MotionReading reading) {
    String cameraId = reading.cameraId();
    Optional<MotionOutcome> outcome = rules.onReading(states.get(cameraId), reading);
    if (outcome.isEmpty()) {
      return;
    }
    states.put(cameraId, outcome.get().state());
    var event = outcome.get().event();
    var raised =
        new RaisedEvent(event, CameraAlertEvents.raisedBy(event, alertRules.enabledRules()));
    context.forward(new Record<>(cameraId, raised, reading.at().toEpochMilli()));
  }

  private List<HeldMotion> heldOf(String cameraId) {
    List<HeldMotion> found = new ArrayList<>();
    try (KeyValueIterator<String, HeldMotion> range =
        held.prefixScan(HeldMotion.prefix(cameraId), new StringSerializer())) {
      while (range.hasNext()) {
        KeyValue<String, HeldMotion> next = range.next();
        found.add(next.value);
      }
    }
    return found;
  }
}
