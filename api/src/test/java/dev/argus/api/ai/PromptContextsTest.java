package dev.argus.api.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The prompt context from camera_events on a real (embedded) PostgreSQL, and its metrics. */
class PromptContextsTest {

  private static final Instant AT = Instant.parse("2026-12-03T14:05:00Z");

  private final JdbcClient jdbc = AiDatabase.fresh();
  private final ContextMetrics metrics = new ContextMetrics();
  private final PromptContexts contexts = new PromptContexts(jdbc, metrics);

  @Test
  void theLineNamesTheCameraTheTimeAndTheRecentEventsOfThisCameraInTheLastHour() {
    // Given two events of the camera in the hour before, the newer one described
    UUID camera = UUID.randomUUID();
    UUID event = UUID.randomUUID();
    event(camera, AT.minusSeconds(50 * 60), "a cat on the lawn");
    event(camera, AT.minusSeconds(10 * 60), "a person at the door");
    // and events that do not count: the event itself, older than an hour, another camera's
    event(camera, event, AT, "itself");
    event(camera, AT.minusSeconds(61 * 60), "too old");
    event(UUID.randomUUID(), AT.minusSeconds(60), "another camera");

    // When
    PromptContext context = contexts.build(camera, "Front door", AT, event);

    // Then
    assertThat(context.line())
        .isEqualTo(
            "Camera: Front door. Time: 14:05 UTC (afternoon). Recent similar events: 2 on this"
                + " camera in the last hour, the latest described as \"a person at the door\".");
    assertThat(context.recentEvents()).isEqualTo(2);
    assertThat(context.cameraName()).isTrue();
    assertThat(context.recentSimilar()).isTrue();
  }

  @Test
  void withoutANameOrRecentEventsTheLineHasTheTimeAloneAndTheMetricsCountTheMisses() {
    // Given
    UUID camera = UUID.randomUUID();
    event(camera, AT.minusSeconds(60), "a person");

    // When one context finds a recent event and one, of another camera, finds none
    contexts.build(camera, "Garden", AT, UUID.randomUUID());
    PromptContext bare =
        contexts.build(
            UUID.randomUUID(), " ", Instant.parse("2026-12-03T02:30:00Z"), UUID.randomUUID());

    // Then
    assertThat(bare.line()).isEqualTo("Time: 02:30 UTC (night).");
    ContextMetrics.Snapshot snapshot = metrics.snapshot();
    assertThat(snapshot.builds()).isEqualTo(2);
    assertThat(snapshot.cameraNameHits()).isEqualTo(1);
    assertThat(snapshot.timeOfDayHits()).isEqualTo(2);
    assertThat(snapshot.recentSimilarHits()).isEqualTo(1);
    assertThat(snapshot.p95Ms()).isGreaterThan(0).isGreaterThanOrEqualTo(snapshot.meanMs() / 2);
  }

  @Test
  void partsOfTheDay() {
    assertThat(PromptContexts.partOfDay(LocalTime.of(4, 59))).isEqualTo("night");
    assertThat(PromptContexts.partOfDay(LocalTime.of(5, 0))).isEqualTo("morning");
    assertThat(PromptContexts.partOfDay(LocalTime.of(12, 0))).isEqualTo("afternoon");
    assertThat(PromptContexts.partOfDay(LocalTime.of(17, 0))).isEqualTo("evening");
    assertThat(PromptContexts.partOfDay(LocalTime.of(21, 0))).isEqualTo("night");
  }

  private void event(UUID camera, Instant at, String description) {
    event(camera, UUID.randomUUID(), at, description);
  }

  private void event(UUID camera, UUID id, Instant at, String description) {
    jdbc.sql(
            "INSERT INTO camera_events (id, reading_id, camera_id, occurred_at, source,"
                + " description) VALUES (:id, :reading, :camera, :at, 'motion', :description)")
        .param("id", id)
        .param("reading", id.toString())
        .param("camera", camera)
        .param("at", at.atOffset(ZoneOffset.UTC))
        .param("description", description)
        .update();
  }
}
