package dev.argus.api.power;

import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.argus.api.system.paging.Page;
import dev.argus.contract.events.PowerEventType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/** The web layer of /api/events: the event_type filter, paging rules and JSON shape. */
@WebMvcTest(EventController.class)
class EventControllerTest {

  @Autowired MockMvc mvc;
  @MockitoBean EventRepository events;

  @Test
  void passesFiltersToTheRepositoryAndWritesTheSeedShape() throws Exception {
    // Given
    PowerEvent event =
        new PowerEvent(
            7,
            Instant.parse("2026-05-27T09:00:00Z"),
            "ups-main",
            "on_battery",
            Map.of("previous_status", "OL"),
            "high");
    when(events.page("ups-main", PowerEventType.ON_BATTERY, 1, 50))
        .thenReturn(new Page<>(1, 50, 1, List.of(event)));

    // When / Then
    mvc.perform(get("/api/events").param("device_id", "ups-main").param("event_type", "on_battery"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .json(
                    """
                    {"page": 1, "page_size": 50, "total": 1, "total_is_estimate": false, "items": [{
                      "id": 7, "timestamp": "2026-05-27T09:00:00Z", "device_id": "ups-main",
                      "event_type": "on_battery", "metadata": {"previous_status": "OL"},
                      "severity": "high"}]}
                    """,
                    JsonCompareMode.STRICT));
  }

  @Test
  void emptyFiltersMeanNoFilter() throws Exception {
    when(events.page(null, null, 3, 20)).thenReturn(new Page<>(3, 20, 0, List.of()));

    mvc.perform(
            get("/api/events")
                .param("page", "3")
                .param("page_size", "20")
                .param("device_id", "")
                .param("event_type", ""))
        .andExpect(status().isOk());

    verify(events).page(null, null, 3, 20);
  }

  @Test
  void unknownEventTypeIs422ListingTheAllowedValues() throws Exception {
    mvc.perform(get("/api/events").param("event_type", "meltdown"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            content()
                .json(
                    """
                    {"detail": "event_type must be one of on_battery, power_restored, battery_low,\
                     shutdown_initiated, threshold_crossed, device_offline, device_online,\
                     got 'meltdown'"}
                    """,
                    JsonCompareMode.STRICT));
    verifyNoInteractions(events);
  }

  @Test
  void appliesThePagingRules() throws Exception {
    mvc.perform(get("/api/events").param("page_size", "201"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            content()
                .json(
                    "{\"detail\": \"page_size must be between 1 and 200\"}",
                    JsonCompareMode.STRICT));
    mvc.perform(get("/api/events").param("page", "-1"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            content().json("{\"detail\": \"page must be at least 1\"}", JsonCompareMode.STRICT));
    verifyNoInteractions(events);
  }
}
