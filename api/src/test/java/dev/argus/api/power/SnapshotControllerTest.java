package dev.argus.api.power;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.argus.api.system.paging.Page;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/** The web layer of /api/snapshots: parameters, JSON shape and error bodies; storage is mocked. */
@WebMvcTest(SnapshotController.class)
class SnapshotControllerTest {

  @Autowired MockMvc mvc;
  @MockitoBean SnapshotRepository snapshots;

  @Test
  void defaultsToTheFirstPageOfFiftyWithoutDeviceFilter() throws Exception {
    // Given
    when(snapshots.page(null, 1, 50)).thenReturn(new Page<>(1, 50, 0, List.of()));

    // When / Then: an empty device_id is no filter, as in the seed's example URL
    mvc.perform(get("/api/snapshots").param("device_id", ""))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .json(
                    """
                    {"page": 1, "page_size": 50, "total": 0, "total_is_estimate": false, "items": []}
                    """,
                    JsonCompareMode.STRICT));
    verify(snapshots).page(null, 1, 50);
  }

  @Test
  void writesSnakeCaseFieldsIsoTimestampsAndNulls() throws Exception {
    // Given
    Snapshot snapshot =
        new Snapshot(
            1,
            Instant.parse("2026-05-27T10:00:00Z"),
            "ups-main",
            "ups",
            450.0,
            55.0,
            120.0,
            100.0,
            3600.0,
            "OL",
            null,
            null,
            null,
            null);
    when(snapshots.page("ups-main", 2, 10)).thenReturn(new Page<>(2, 10, 11, List.of(snapshot)));

    // When / Then
    mvc.perform(
            get("/api/snapshots")
                .param("page", "2")
                .param("page_size", "10")
                .param("device_id", "ups-main"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .json(
                    """
                    {"page": 2, "page_size": 10, "total": 11, "total_is_estimate": false, "items": [{
                      "id": 1, "timestamp": "2026-05-27T10:00:00Z", "device_id": "ups-main",
                      "device_type": "ups", "power_watts": 450.0, "load_percent": 55.0,
                      "voltage": 120.0, "battery_percent": 100.0, "runtime_seconds": 3600.0,
                      "ups_status": "OL", "temperature_c": null, "output_voltage": null,
                      "input_frequency": null, "output_current": null}]}
                    """,
                    JsonCompareMode.STRICT));
  }

  @Test
  void rejectsPageBelowOne() throws Exception {
    mvc.perform(get("/api/snapshots").param("page", "0"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            content().json("{\"detail\": \"page must be at least 1\"}", JsonCompareMode.STRICT));
    verifyNoInteractions(snapshots);
  }

  @Test
  void rejectsPageSizeOutsideOneToTwoHundred() throws Exception {
    for (String pageSize : List.of("0", "201", "-5")) {
      mvc.perform(get("/api/snapshots").param("page_size", pageSize))
          .andExpect(status().isUnprocessableContent())
          .andExpect(
              content()
                  .json(
                      "{\"detail\": \"page_size must be between 1 and 200\"}",
                      JsonCompareMode.STRICT));
    }
    verifyNoInteractions(snapshots);
  }

  @Test
  void acceptsTheEdgesOfThePageSizeRange() throws Exception {
    when(snapshots.page(any(), anyInt(), anyInt())).thenReturn(new Page<>(1, 1, 0, List.of()));

    mvc.perform(get("/api/snapshots").param("page_size", "1")).andExpect(status().isOk());
    mvc.perform(get("/api/snapshots").param("page_size", "200")).andExpect(status().isOk());

    verify(snapshots).page(null, 1, 1);
    verify(snapshots).page(null, 1, 200);
  }

  @Test
  void reportsEveryInvalidParameterAtOnce() throws Exception {
    mvc.perform(get("/api/snapshots").param("page", "0").param("page_size", "500"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            content()
                .json(
                    "{\"detail\": \"page must be at least 1; page_size must be between 1 and"
                        + " 200\"}",
                    JsonCompareMode.STRICT));
  }

  @Test
  void rejectsNonIntegerParametersNamingThem() throws Exception {
    mvc.perform(get("/api/snapshots").param("page", "abc"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            content()
                .json(
                    "{\"detail\": \"page must be an integer, got 'abc'\"}",
                    JsonCompareMode.STRICT));
    mvc.perform(get("/api/snapshots").param("page_size", "9999999999"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            content()
                .json(
                    "{\"detail\": \"page_size must be an integer, got '9999999999'\"}",
                    JsonCompareMode.STRICT));
  }

  @Test
  void latestWithoutAnySnapshotIs404() throws Exception {
    when(snapshots.latest()).thenReturn(Optional.empty());

    mvc.perform(get("/api/snapshots/latest"))
        .andExpect(status().isNotFound())
        .andExpect(content().json("{\"detail\": \"No snapshots yet\"}", JsonCompareMode.STRICT));
  }

  @Test
  void latestOfADeviceWithoutSnapshotsIs404NamingTheDevice() throws Exception {
    when(snapshots.latestOf("ups-x")).thenReturn(Optional.empty());

    mvc.perform(get("/api/snapshots/latest").param("device_id", "ups-x"))
        .andExpect(status().isNotFound())
        .andExpect(
            content()
                .json("{\"detail\": \"No snapshot for device 'ups-x'\"}", JsonCompareMode.STRICT));
  }

  @Test
  void wrongMethodIs405WithAllowHeader() throws Exception {
    mvc.perform(post("/api/snapshots"))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(header().string("Allow", "GET"))
        .andExpect(
            content()
                .json(
                    "{\"detail\": \"Method POST is not allowed here; use GET\"}",
                    JsonCompareMode.STRICT));
  }

  @Test
  void unknownRouteIs404() throws Exception {
    mvc.perform(get("/api/snapshotz"))
        .andExpect(status().isNotFound())
        .andExpect(
            content()
                .json("{\"detail\": \"Not found: GET /api/snapshotz\"}", JsonCompareMode.STRICT));
  }

  @Test
  void unreachableDatabaseIs503() throws Exception {
    when(snapshots.latest())
        .thenThrow(new CannotGetJdbcConnectionException("Connection is not available"));

    mvc.perform(get("/api/snapshots/latest"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(
            content()
                .json(
                    "{\"detail\": \"Database unavailable, try again shortly\"}",
                    JsonCompareMode.STRICT));
  }

  @Test
  void missingSchemaIs503UntilTheMigrationHasRun() throws Exception {
    when(snapshots.latest())
        .thenThrow(
            new BadSqlGrammarException(
                "latest snapshot",
                "SELECT ... FROM power_snapshots",
                new SQLException("relation \"power_snapshots\" does not exist", "42P01")));

    mvc.perform(get("/api/snapshots/latest"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(
            content()
                .json(
                    "{\"detail\": \"Database schema is not ready yet, try again shortly\"}",
                    JsonCompareMode.STRICT));
  }

  @Test
  void otherSqlErrorsAre500() throws Exception {
    when(snapshots.latest())
        .thenThrow(
            new BadSqlGrammarException(
                "latest snapshot",
                "SELECT nonsense",
                new SQLException("column \"nonsense\" does not exist", "42703")));

    mvc.perform(get("/api/snapshots/latest"))
        .andExpect(status().isInternalServerError())
        .andExpect(
            content()
                .json(
                    "{\"detail\": \"Internal server error; it has been logged\"}",
                    JsonCompareMode.STRICT));
  }

  @Test
  void unexpectedErrorIs500WithoutInternals() throws Exception {
    when(snapshots.latest()).thenThrow(new IllegalStateException("secret internal state"));

    mvc.perform(get("/api/snapshots/latest"))
        .andExpect(status().isInternalServerError())
        .andExpect(
            content()
                .json(
                    "{\"detail\": \"Internal server error; it has been logged\"}",
                    JsonCompareMode.STRICT));
  }
}
