package dev.argus.processor.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.events.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The severity stored for events that carry none (written by an older processor). */
class EventWriterTest {

  private static DerivedEvent event(String source, String type, Severity severity) {
    return new DerivedEvent(
        DerivedEvent.SCHEMA_VERSION,
        UUID.randomUUID().toString(),
        source,
        "42",
        type,
        severity,
        Instant.parse("2026-05-27T10:00:00Z"),
        Map.of());
  }

  @Test
  void anEventsOwnSeverityWins() {
    assertThat(EventWriter.severity(event(DerivedEvent.SOURCE_POWER, "on_battery", Severity.LOW)))
        .isEqualTo(Severity.LOW);
  }

  @Test
  void withoutOneTheTypeOfItsSourceDecides() {
    assertThat(EventWriter.severity(event(DerivedEvent.SOURCE_POWER, "battery_low", null)))
        .isEqualTo(Severity.CRITICAL);
    assertThat(EventWriter.severity(event(DerivedEvent.SOURCE_TARGET, "threshold_reached", null)))
        .isEqualTo(Severity.HIGH);
    assertThat(EventWriter.severity(event(DerivedEvent.SOURCE_TARGET, "recovered", null)))
        .isEqualTo(Severity.LOW);
  }

  @Test
  void anUnknownTypeIsMedium() {
    assertThat(EventWriter.severity(event(DerivedEvent.SOURCE_POWER, "on_fire", null)))
        .isEqualTo(Severity.MEDIUM);
    assertThat(EventWriter.severity(event(DerivedEvent.SOURCE_TARGET, "on_battery", null)))
        .isEqualTo(Severity.MEDIUM);
  }
}
