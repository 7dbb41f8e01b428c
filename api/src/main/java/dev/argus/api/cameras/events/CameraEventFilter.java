package dev.argus.api.cameras.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The filters of the event list, its statistics and its export; null means no filter. {@code end}
 * is inclusive; {@code text} is matched anywhere in the description, case-insensitively, as plain
 * text ({@code %} and {@code _} are not wildcards).
 */
record CameraEventFilter(
    UUID cameraId, String detectionType, Instant start, Instant end, String text) {

  boolean any() {
    return cameraId != null
        || detectionType != null
        || start != null
        || end != null
        || text != null;
  }

  /** The WHERE clause over {@code camera_events e} ("" for none), its parameters put in params. */
  String where(Map<String, Object> params) {
    List<String> conditions = new ArrayList<>();
    if (cameraId != null) {
      conditions.add("e.camera_id = :cameraId");
      params.put("cameraId", cameraId);
    }
    if (detectionType != null) {
      conditions.add("e.detection_type = :detectionType");
      params.put("detectionType", detectionType);
    }
    if (start != null) {
      conditions.add("e.occurred_at >= :start");
      params.put("start", Timestamp.from(start));
    }
    if (end != null) {
      conditions.add("e.occurred_at <= :end");
      params.put("end", Timestamp.from(end));
    }
    if (text != null) {
      conditions.add("e.description ILIKE :text ESCAPE '\\'");
      params.put("text", "%" + likeEscaped(text) + "%");
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** {@code text} with LIKE's wildcards and its escape character taken literally. */
  static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
