package dev.argus.contract.settings;

import java.time.Duration;

/**
 * The checks every service runs on its duration settings, so that a bad value stops start-up with
 * one wording that names the setting: {@code <property> (<ENV_VAR>) must be a positive duration,
 * got PT0S}.
 */
public final class Durations {

  private Durations() {}

  /**
   * @param setting how the reader knows the setting, e.g. {@code argus.api.http.body-deadline
   *     (ARGUS_API_BODY_DEADLINE)}
   * @throws IllegalArgumentException when the value is missing, zero or negative
   */
  public static Duration requirePositive(Duration value, String setting) {
    if (value == null) {
      throw new IllegalArgumentException(setting + " must be set to a positive duration");
    }
    return requirePositiveWhenSet(value, setting);
  }

  /**
   * As {@link #requirePositive(Duration, String)}, with an example value for the message of a
   * missing setting ({@code must be set, e.g. 10s}).
   */
  public static Duration requirePositive(Duration value, String setting, String example) {
    if (value == null) {
      throw new IllegalArgumentException(setting + " must be set, e.g. " + example);
    }
    return requirePositiveWhenSet(value, setting);
  }

  private static Duration requirePositiveWhenSet(Duration value, String setting) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(setting + " must be a positive duration, got " + value);
    }
    return value;
  }
}
