package dev.argus.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtectEventsTest {

  private static final long T0 = 1_733_000_000_000L;
  private static final Instant START = Instant.ofEpochMilli(T0);
  private static final Instant END = Instant.ofEpochMilli(T0 + 4_000);

  private final ProtectEvents events = new ProtectEvents();

  @Test
  void aMotionEventStartsAndEnds() {
    List<ProtectDetection> started = events.read(eventAdd("e1", "motion", List.of(), 62, null));
    List<ProtectDetection> ended = events.read(eventUpdate("e1", Map.of("end", T0 + 4_000)));

    assertThat(started)
        .containsExactly(new ProtectDetection("cam-1", "e1", "motion", 0.62, START, null));
    assertThat(ended)
        .containsExactly(new ProtectDetection("cam-1", "e1", "motion", 0.62, START, END));
  }

  @Test
  void aSmartDetectionIsOneDetectionPerKnownType() {
    List<ProtectDetection> started =
        events.read(
            eventAdd(
                "e2", "smartDetectZone", List.of("person", "licensePlate", "vehicle"), 87, null));
    List<ProtectDetection> ended =
        events.read(eventUpdate("e2", Map.of("end", T0 + 4_000, "score", 91)));

    assertThat(started)
        .containsExactly(
            new ProtectDetection("cam-1", "e2", "person", 0.87, START, null),
            new ProtectDetection("cam-1", "e2", "vehicle", 0.87, START, null));
    assertThat(ended)
        .containsExactly(
            new ProtectDetection("cam-1", "e2", "person", 0.91, START, END),
            new ProtectDetection("cam-1", "e2", "vehicle", 0.91, START, END));
  }

  @Test
  void aTypeAddedWhileTheEventRunsStartsADetectionOfItsOwn() {
    events.read(eventAdd("e3", "smartDetectZone", List.of("person"), 70, null));

    List<ProtectDetection> grown =
        events.read(eventUpdate("e3", Map.of("smartDetectTypes", List.of("person", "package"))));
    List<ProtectDetection> ended = events.read(eventUpdate("e3", Map.of("end", T0 + 4_000)));

    assertThat(grown)
        .containsExactly(new ProtectDetection("cam-1", "e3", "package", 0.70, START, null));
    assertThat(ended).extracting(ProtectDetection::type).containsExactly("person", "package");
  }

  @Test
  void aSmartDetectionAddedWithoutTypesStartsWhenTheTypesCome() {
    assertThat(events.read(eventAdd("e11", "smartDetectZone", List.of(), 55, null))).isEmpty();

    List<ProtectDetection> typed =
        events.read(eventUpdate("e11", Map.of("smartDetectTypes", List.of("animal"), "score", 75)));

    assertThat(typed)
        .containsExactly(new ProtectDetection("cam-1", "e11", "animal", 0.75, START, null));
  }

  @Test
  void aRingIsAMoment() {
    List<ProtectDetection> rang = events.read(eventAdd("e4", "ring", List.of(), null, T0));

    assertThat(rang)
        .containsExactly(new ProtectDetection("cam-1", "e4", "ring", null, START, START));
    assertThat(events.read(eventUpdate("e4", Map.of("end", T0 + 10)))).isEmpty();
  }

  @Test
  void anEventEndsOnce() {
    events.read(eventAdd("e5", "motion", List.of(), 50, null));
    events.read(eventUpdate("e5", Map.of("end", T0 + 4_000)));

    assertThat(events.read(eventUpdate("e5", Map.of("end", T0 + 5_000)))).isEmpty();
  }

  @Test
  void anUpdateWithoutEndOfARunningEventSaysNothing() {
    events.read(eventAdd("e6", "motion", List.of(), 50, null));

    assertThat(events.read(eventUpdate("e6", Map.of("score", 80)))).isEmpty();
    assertThat(events.read(eventUpdate("e6", Map.of("end", T0 + 4_000))))
        .containsExactly(new ProtectDetection("cam-1", "e6", "motion", 0.80, START, END));
  }

  @Test
  void cameraFlagsAndOtherEventsAreNotDetections() {
    assertThat(
            events.read(
                new ProtectUpdate(
                    "update",
                    "u",
                    "camera",
                    "cam-1",
                    Map.of("isMotionDetected", true, "lastMotion", T0))))
        .isEmpty();
    assertThat(
            events.read(
                new ProtectUpdate(
                    "update",
                    "u",
                    "camera",
                    "cam-1",
                    Map.of("activeSmartDetectTypes", List.of("person")))))
        .isEmpty();
    assertThat(events.read(eventAdd("e7", "disconnect", List.of(), null, null))).isEmpty();
    assertThat(events.read(eventAdd("e8", "smartDetectZone", List.of("licensePlate"), 90, null)))
        .isEmpty();
    assertThat(events.read(eventUpdate("unknown", Map.of("end", T0)))).isEmpty();
  }

  @Test
  void aScoreIsClampedToOneAndTheCameraMayBeAnObject() {
    Map<String, Object> data = new HashMap<>();
    data.put("type", "motion");
    data.put("camera", Map.of("id", "cam-9", "name", "Garage"));
    data.put("start", T0);
    data.put("score", 140);

    assertThat(events.read(new ProtectUpdate("add", "u", "event", "e9", data)))
        .containsExactly(new ProtectDetection("cam-9", "e9", "motion", 1.0, START, null));
  }

  @Test
  void aRemovedEventIsForgotten() {
    events.read(eventAdd("e10", "motion", List.of(), 50, null));
    events.read(new ProtectUpdate("remove", "u", "event", "e10", Map.of()));

    assertThat(events.read(eventUpdate("e10", Map.of("end", T0 + 4_000)))).isEmpty();
  }

  private static ProtectUpdate eventAdd(
      String id, String type, List<String> smartTypes, Integer score, Long end) {
    Map<String, Object> data = new HashMap<>();
    data.put("id", id);
    data.put("type", type);
    data.put("camera", "cam-1");
    data.put("start", T0);
    data.put("end", end);
    data.put("score", score);
    data.put("smartDetectTypes", smartTypes);
    return new ProtectUpdate("add", "u-" + id, "event", id, data);
  }

  private static ProtectUpdate eventUpdate(String id, Map<String, Object> data) {
    return new ProtectUpdate("update", "u-" + id + "-2", "event", id, data);
  }
}
