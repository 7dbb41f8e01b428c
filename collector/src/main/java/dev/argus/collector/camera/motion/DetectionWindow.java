package dev.argus.collector.camera.motion;

import dev.argus.contract.camera.DetectionSchedule;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * When a camera's {@link DetectionSchedule} lets motion count. A null or disabled schedule is
 * always open. Hours are local to the schedule's timezone (UTC when none); the window is open from
 * {@code start_time} inclusive to {@code end_time} exclusive; an end before the start spans
 * midnight, and the hours after midnight belong to the day the window started (a Friday 22:00-06:00
 * window is open until Saturday 06:00, not on Friday morning); equal start and end mean the whole
 * day. No days means every day.
 */
public final class DetectionWindow {

  private static final Map<String, DayOfWeek> DAYS =
      Map.of(
          "mon", DayOfWeek.MONDAY,
          "tue", DayOfWeek.TUESDAY,
          "wed", DayOfWeek.WEDNESDAY,
          "thu", DayOfWeek.THURSDAY,
          "fri", DayOfWeek.FRIDAY,
          "sat", DayOfWeek.SATURDAY,
          "sun", DayOfWeek.SUNDAY);

  private static final DetectionWindow ALWAYS = new DetectionWindow(null, null, null, null);

  private final Set<DayOfWeek> days;
  private final LocalTime start;
  private final LocalTime end;
  private final ZoneId zone;

  private DetectionWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {
    this.days = days;
    this.start = start;
    this.end = end;
    this.zone = zone;
  }

  /**
   * @throws IllegalArgumentException naming the field when an enabled schedule has an unknown day,
   *     a time that is not {@code HH:mm} or an unknown timezone
   */
  public static DetectionWindow of(DetectionSchedule schedule) {
    if (schedule == null || !schedule.enabled()) {
      return ALWAYS;
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String day : schedule.days()) {
      DayOfWeek parsed = day == null ? null : DAYS.get(day.trim().toLowerCase(Locale.ROOT));
      if (parsed == null) {
        throw new IllegalArgumentException(
            "schedule.days must hold mon, tue, wed, thu, fri, sat or sun, had '" + day + "'");
      }
      days.add(parsed);
    }
    if (days.isEmpty()) {
      days = EnumSet.allOf(DayOfWeek.class);
    }
    ZoneId zone;
    try {
      zone =
          schedule.timezone() == null || schedule.timezone().isBlank()
              ? ZoneId.of("UTC")
              : ZoneId.of(schedule.timezone().trim());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "schedule.timezone must be an IANA zone id such as Europe/Berlin, was '"
              + schedule.timezone()
              + "'");
    }
    return new DetectionWindow(
        days, time(schedule.startTime(), "start_time"), time(schedule.endTime(), "end_time"), zone);
  }

  private static LocalTime time(String value, String field) {
    try {
      return LocalTime.parse(value == null ? "" : value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "schedule." + field + " must be HH:mm, e.g. 22:30, was '" + value + "'");
    }
  }

  /** Whether motion at {@code instant} counts. */
  public boolean isOpen(Instant instant) {
    if (zone == null) {
      return true;
    }
    ZonedDateTime local = instant.atZone(zone);
    LocalTime time = local.toLocalTime();
    DayOfWeek day = local.getDayOfWeek();
    if (start.equals(end)) {
      return days.contains(day);
    }
    if (start.isBefore(end)) {
      return days.contains(day) && !time.isBefore(start) && time.isBefore(end);
    }
    // Spans midnight: the evening part on a scheduled day, the morning part after one.
    return (days.contains(day) && !time.isBefore(start))
        || (days.contains(day.minus(1)) && time.isBefore(end));
  }
}
