package dev.argus.protect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns updates into detections, as the seed's system reads them: a camera's motion flag, its
 * active smart detect types and the event adds/updates of type {@code motion}, {@code
 * smartDetectZone} and {@code ring}. Pure; one instance per session keeps what it needs to pair
 * starts and ends.
 *
 * <p>The mapping, one rule each:
 *
 * <ul>
 *   <li><b>Events are the source.</b> An event {@code add} starts detections, an event {@code
 *       update} that carries {@code end} ends them. The controller also flips the camera's {@code
 *       isMotionDetected}/{@code activeSmartDetectTypes}/{@code lastSmartDetectEventIds}/{@code
 *       lastRing} for the same moment, in an update of its own; those camera updates are not read
 *       as detections, since the event already says the same with an id, a score and times, and
 *       reading both would raise everything twice.
 *   <li>{@code motion} → one detection of type {@code motion}.
 *   <li>{@code smartDetectZone} → one detection per type in {@code smartDetectTypes} that Argus
 *       knows ({@code person}, {@code vehicle}, {@code package}, {@code animal}; others such as
 *       {@code licensePlate} are left out). A type that an {@code update} adds to a running event
 *       (the controller may add the event with no type yet) starts a detection of its own.
 *   <li>{@code ring} → one detection of type {@code ring}; its end is whatever the event says
 *       (usually its start: a ring is a moment).
 *   <li>{@code score} 0..100 → 0..1 (clamped); absent → null. {@code start}/{@code end} are epoch
 *       milliseconds.
 *   <li>An end repeats the detections of the start with {@code end} set (and the last score), one
 *       per type; an event's end is reported once. Events of other types ({@code access}, {@code
 *       disconnect}, …) and other models are ignored.
 * </ul>
 *
 * <p>At most {@value #MAX_OPEN_EVENTS} running events are remembered (the oldest forgotten first),
 * so events whose end never comes (a dropped socket) cannot grow it without bound.
 */
public final class ProtectEvents {

  static final int MAX_OPEN_EVENTS = 1000;
  static final Set<String> SMART_TYPES = Set.of("person", "vehicle", "package", "animal");

  /** A running event: what it is about and which detections it started. */
  private record Open(
      String cameraId, String kind, Set<String> types, Double score, Instant start) {}

  private final Map<String, Open> open =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Open> eldest) {
          return size() > MAX_OPEN_EVENTS;
        }
      };

  public List<ProtectDetection> read(ProtectUpdate update) {
    if (!"event".equals(update.modelKey()) || update.id() == null) {
      return List.of();
    }
    Map<String, Object> data = update.data() == null ? Map.of() : update.data();
    return switch (String.valueOf(update.action())) {
      case "add" -> added(update.id(), data);
      case "update" -> updated(update.id(), data);
      case "remove" -> {
        open.remove(update.id());
        yield List.of();
      }
      default -> List.of();
    };
  }

  private List<ProtectDetection> added(String eventId, Map<String, Object> data) {
    String kind = text(data.get("type"));
    String cameraId = cameraId(data.get("camera"));
    if (kind == null || cameraId == null) {
      return List.of();
    }
    Set<String> types = types(kind, data.get("smartDetectTypes"));
    Double score = score(data.get("score"));
    Instant start = instant(data.get("start"));
    Instant end = instant(data.get("end"));
    if (types.isEmpty()) {
      if (kind.equals("smartDetectZone") && end == null) {
        // Its types may come in a later update.
        open.put(eventId, new Open(cameraId, kind, Set.of(), score, start));
      }
      return List.of();
    }
    List<ProtectDetection> detections = new ArrayList<>();
    for (String type : types) {
      detections.add(new ProtectDetection(cameraId, eventId, type, score, start, end));
    }
    if (end == null) {
      open.put(eventId, new Open(cameraId, kind, types, score, start));
    }
    return detections;
  }

  private List<ProtectDetection> updated(String eventId, Map<String, Object> data) {
    Open event = open.get(eventId);
    if (event == null) {
      return List.of();
    }
    Double score = data.containsKey("score") ? score(data.get("score")) : event.score;
    Set<String> types = new LinkedHashSet<>(event.types);
    List<ProtectDetection> detections = new ArrayList<>();
    Instant end = instant(data.get("end"));
    if (data.containsKey("smartDetectTypes")) {
      for (String type : types(event.kind, data.get("smartDetectTypes"))) {
        if (types.add(type)) {
          detections.add(
              new ProtectDetection(event.cameraId, eventId, type, score, event.start, end));
        }
      }
    }
    if (end == null) {
      open.put(eventId, new Open(event.cameraId, event.kind, types, score, event.start));
      return detections;
    }
    open.remove(eventId);
    for (String type : event.types) {
      detections.add(new ProtectDetection(event.cameraId, eventId, type, score, event.start, end));
    }
    return detections;
  }

  /** The detection types an event of {@code kind} stands for. */
  private static Set<String> types(String kind, Object smartDetectTypes) {
    return switch (kind) {
      case "motion" -> Set.of("motion");
      case "ring" -> Set.of("ring");
      case "smartDetectZone" -> {
        Set<String> types = new LinkedHashSet<>();
        if (smartDetectTypes instanceof List<?> list) {
          for (Object type : list) {
            if (type != null && SMART_TYPES.contains(type.toString())) {
              types.add(type.toString());
            }
          }
        }
        yield types;
      }
      default -> Set.of();
    };
  }

  /** The camera's id: a string, or (in some firmware) the camera object with its {@code id}. */
  private static String cameraId(Object camera) {
    if (camera instanceof Map<?, ?> object) {
      return text(object.get("id"));
    }
    return text(camera);
  }

  private static Double score(Object value) {
    if (!(value instanceof Number number)) {
      return null;
    }
    return Math.max(0.0, Math.min(1.0, number.doubleValue() / 100.0));
  }

  private static Instant instant(Object value) {
    return value instanceof Number millis ? Instant.ofEpochMilli(millis.longValue()) : null;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
