package dev.argus.bench.faults;

import dev.argus.bench.faults.SteadyLoad.EventKey;
import dev.argus.contract.camera.MotionReading;
import dev.argus.contract.events.TargetEventType;
import dev.argus.contract.llm.LlmProbeReading;
import dev.argus.contract.probe.ProbeResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The load's records beside the power readings, one a second of each: uptime probe results of
 * {@code targets} targets, LLM probe readings of {@code models} models and camera motion readings
 * of {@code cameras} cameras, each with a unique natural key and a result known before it is sent.
 *
 * <p>Nothing has to exist in the configuration for the processor to take them: every rule's input
 * travels in the record (a result's failure threshold and repeat interval, a reading's thresholds,
 * a camera's cooldown and smart types), and the sink's tables have no foreign key to the api's
 * configuration tables.
 *
 * <ul>
 *   <li>Targets: ids {@code targetBase + t} (the load's start in seconds × 1000, so two scenarios
 *       on one stack never share a target). Every even target is down in rounds 10–19, 30–39, …
 *       with a failure threshold of {@value #FAILURE_THRESHOLD} and no repeat, so it derives one
 *       {@code threshold_reached} at the third failure of each down period and one {@code
 *       recovered} at the first success after it.
 *   <li>Models: each reading {@code <prefix>-llm-<m>-<round>} succeeds well within its thresholds
 *       (no alert: no LLM rule is set up).
 *   <li>Cameras: each reading {@code <prefix>-cam-<c>-<round>} is plain motion with a cooldown of
 *       0, so it raises exactly one camera event, named {@code CameraEvent.idFor(reading id)}, and
 *       no alert (no camera rule is set up).
 * </ul>
 *
 * @param prefix the fleet's prefix; reading ids start with it
 */
record MixedKinds(String prefix, int targets, int models, int cameras, long targetBase) {

  static final int FAILURE_THRESHOLD = 3;

  /** A target's down periods are this many rounds long and this many apart. */
  static final int DOWN_PERIOD = 10;

  /** One target a tenth, one model and one camera a twentieth of the devices (at least one). */
  static MixedKinds forDevices(String prefix, int devices, Instant base) {
    return new MixedKinds(
        prefix,
        Math.max(1, devices / 10),
        Math.max(1, devices / 20),
        Math.max(1, devices / 20),
        base.getEpochSecond() * 1000);
  }

  /** A probe result's natural key, the primary key of {@code probe_results}. */
  record ProbeKey(long targetId, Instant at) {}

  long targetId(int target) {
    return targetBase + target;
  }

  boolean targetDown(int target, int round) {
    return target % 2 == 0 && (round / DOWN_PERIOD) % 2 == 1;
  }

  String modelId(int model) {
    return uuid("model", model);
  }

  String cameraId(int camera) {
    return uuid("camera", camera);
  }

  String llmReadingId(int model, int round) {
    return String.format("%s-llm-%03d-%05d", prefix, model, round);
  }

  String cameraReadingId(int camera, int round) {
    return String.format("%s-cam-%03d-%05d", prefix, camera, round);
  }

  /** Every reading id of this load starts with this (its own LIKE pattern in the tables). */
  String readingIdPrefix() {
    return prefix + "-";
  }

  ProbeResult probe(int target, Instant at, int round) {
    boolean down = targetDown(target, round);
    return new ProbeResult(
        ProbeResult.SCHEMA_VERSION,
        targetId(target),
        prefix + "-target-" + target,
        "http",
        "argus-bench",
        at,
        !down,
        down ? 2000.0 : 12.0 + round % 7,
        down ? 503 : 200,
        down ? "HTTP 503" : null,
        null,
        FAILURE_THRESHOLD,
        0,
        null);
  }

  LlmProbeReading llmReading(int model, Instant at, int round) {
    return new LlmProbeReading(
        LlmProbeReading.SCHEMA_VERSION,
        llmReadingId(model, round),
        null,
        modelId(model),
        "faults-model-" + model,
        prefix + " model " + model,
        null,
        "openai",
        "argus-bench",
        at,
        null,
        true,
        null,
        200,
        120.0 + round % 5,
        150.0,
        800.0,
        12.0,
        80.0,
        50,
        20,
        0,
        "usage",
        180,
        false,
        "stop",
        10_000,
        60_000);
  }

  MotionReading motion(int camera, Instant at, int round) {
    return new MotionReading(
        cameraReadingId(camera, round),
        cameraId(camera),
        prefix + " camera " + camera,
        "argus-bench",
        at,
        "motion",
        "motion",
        0.25,
        null,
        List.of(),
        null,
        "none",
        0,
        List.of(),
        null,
        List.of(),
        null);
  }

  List<ProbeKey> probeResults(int rounds, Instant base) {
    List<ProbeKey> keys = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      for (int target = 0; target < targets; target++) {
        keys.add(new ProbeKey(targetId(target), base.plusSeconds(round)));
      }
    }
    return keys;
  }

  /** {@code threshold_reached} at a down period's third failure, {@code recovered} after it. */
  List<EventKey> targetEvents(int rounds, Instant base) {
    List<EventKey> keys = new ArrayList<>();
    for (int target = 0; target < targets; target++) {
      int failures = 0;
      boolean alerting = false;
      for (int round = 0; round < rounds; round++) {
        String subject = Long.toString(targetId(target));
        if (targetDown(target, round)) {
          failures++;
          if (!alerting && failures >= FAILURE_THRESHOLD) {
            alerting = true;
            keys.add(
                new EventKey(
                    subject,
                    TargetEventType.THRESHOLD_REACHED.wireName(),
                    base.plusSeconds(round)));
          }
        } else {
          if (alerting) {
            keys.add(
                new EventKey(
                    subject, TargetEventType.RECOVERED.wireName(), base.plusSeconds(round)));
          }
          failures = 0;
          alerting = false;
        }
      }
    }
    return keys;
  }

  List<String> llmReadings(int rounds) {
    List<String> ids = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      for (int model = 0; model < models; model++) {
        ids.add(llmReadingId(model, round));
      }
    }
    return ids;
  }

  List<String> cameraReadings(int rounds) {
    List<String> ids = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      for (int camera = 0; camera < cameras; camera++) {
        ids.add(cameraReadingId(camera, round));
      }
    }
    return ids;
  }

  private UUID uuidOf(String kind, int index) {
    return UUID.nameUUIDFromBytes(
        (prefix + "/" + kind + "/" + index).getBytes(StandardCharsets.UTF_8));
  }

  private String uuid(String kind, int index) {
    return uuidOf(kind, index).toString();
  }
}
