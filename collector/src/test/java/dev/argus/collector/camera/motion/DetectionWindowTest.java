package dev.argus.collector.camera.motion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.contract.camera.DetectionSchedule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionWindowTest {

  private static boolean open(DetectionSchedule schedule, String instant) {
    return DetectionWindow.of(schedule).isOpen(Instant.parse(instant));
  }

  @Test
  void noScheduleOrADisabledOneIsAlwaysOpen() {
    assertThat(open(null, "2026-12-02T03:00:00Z")).isTrue();
    assertThat(
            open(
                new DetectionSchedule(false, List.of("mon"), "09:00", "10:00", "UTC"),
                "2026-12-02T03:00:00Z"))
        .isTrue();
  }

  @Test
  void aDaytimeWindowIsOpenFromItsStartUntilItsEndOnItsDays() {
    // Wednesday 2 and Thursday 3 December 2026
    var officeHours = new DetectionSchedule(true, List.of("wed"), "09:00", "17:30", null);

    assertThat(open(officeHours, "2026-12-02T08:59:59Z")).isFalse();
    assertThat(open(officeHours, "2026-12-02T09:00:00Z")).isTrue();
    assertThat(open(officeHours, "2026-12-02T17:29:59Z")).isTrue();
    assertThat(open(officeHours, "2026-12-02T17:30:00Z")).isFalse();
    assertThat(open(officeHours, "2026-12-03T12:00:00Z")).isFalse();
  }

  @Test
  void aWindowOverMidnightBelongsToTheDayItStarts() {
    var fridayNight = new DetectionSchedule(true, List.of("fri"), "22:00", "06:00", "UTC");

    // Friday 4 December 2026
    assertThat(open(fridayNight, "2026-12-04T21:59:00Z")).isFalse();
    assertThat(open(fridayNight, "2026-12-04T23:00:00Z")).isTrue();
    assertThat(open(fridayNight, "2026-12-05T03:00:00Z")).as("Saturday morning").isTrue();
    assertThat(open(fridayNight, "2026-12-05T06:00:00Z")).isFalse();
    assertThat(open(fridayNight, "2026-12-04T03:00:00Z")).as("Friday morning").isFalse();
    assertThat(open(fridayNight, "2026-12-05T23:00:00Z")).as("Saturday night").isFalse();
  }

  @Test
  void hoursAreLocalToTheSchedulesTimezone() {
    var evenings = new DetectionSchedule(true, List.of(), "18:00", "20:00", "America/New_York");

    // 23:30 UTC is 18:30 in New York (EST, UTC-5) in December
    assertThat(open(evenings, "2026-12-02T23:30:00Z")).isTrue();
    assertThat(open(evenings, "2026-12-02T18:30:00Z")).isFalse();
    // in July (EDT, UTC-4) 18:30 there is 22:30 UTC
    assertThat(open(evenings, "2026-07-01T22:30:00Z")).isTrue();
    assertThat(open(evenings, "2026-07-01T23:30:00Z")).isTrue();
    assertThat(open(evenings, "2026-07-02T00:30:00Z")).isFalse();
  }

  @Test
  void equalStartAndEndMeanTheWholeDay() {
    var sundays = new DetectionSchedule(true, List.of("sun"), "00:00", "00:00", "UTC");

    assertThat(open(sundays, "2026-12-06T13:00:00Z")).isTrue();
    assertThat(open(sundays, "2026-12-07T13:00:00Z")).isFalse();
  }

  @Test
  void anInvalidScheduleIsRefusedNamingTheField() {
    assertThatThrownBy(
            () ->
                DetectionWindow.of(
                    new DetectionSchedule(true, List.of("monday"), "09:00", "10:00", null)))
        .hasMessageContaining("schedule.days");
    assertThatThrownBy(
            () -> DetectionWindow.of(new DetectionSchedule(true, List.of(), "9am", "10:00", null)))
        .hasMessageContaining("schedule.start_time must be HH:mm");
    assertThatThrownBy(
            () ->
                DetectionWindow.of(
                    new DetectionSchedule(true, List.of(), "09:00", "10:00", "Mars/Olympus")))
        .hasMessageContaining("schedule.timezone");
  }
}
