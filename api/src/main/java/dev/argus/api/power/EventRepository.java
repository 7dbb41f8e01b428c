package dev.argus.api.power;

import dev.argus.api.system.jdbc.Columns;
import dev.argus.api.system.paging.Page;
import dev.argus.api.system.paging.PagedQuery;
import dev.argus.contract.events.PowerEventType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;

/** Reads {@code power_events}. */
@Repository
class EventRepository {

  private final PagedQuery pages;

  EventRepository(PagedQuery pages) {
    this.pages = pages;
  }

  /** Events newest first (ties by id), optionally of one device and/or of one type. */
  Page<PowerEvent> page(String deviceId, PowerEventType eventType, int page, int pageSize) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    if (deviceId != null) {
      conditions.add("device_id = :deviceId");
      params.put("deviceId", deviceId);
    }
    if (eventType != null) {
      conditions.add("event_type = :eventType");
      params.put("eventType", eventType.wireName());
    }
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    return pages.fetch(
        "id, ts, device_id, event_type, severity, metadata",
        "power_events" + where,
        "ts DESC, id DESC",
        params,
        !conditions.isEmpty(),
        EventRepository::event,
        page,
        pageSize);
  }

  private static PowerEvent event(ResultSet rs, int row) throws SQLException {
    return new PowerEvent(
        rs.getLong("id"),
        Columns.instant(rs, "ts"),
        rs.getString("device_id"),
        rs.getString("event_type"),
        Columns.jsonObject(rs, "metadata"),
        rs.getString("severity"));
  }
}
