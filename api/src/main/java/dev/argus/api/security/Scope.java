package dev.argus.api.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/** What a key may do; {@code admin} implies every other scope. */
public enum Scope {
  ADMIN("admin"),
  READ_EVENTS("read:events"),
  READ_DEVICES("read:devices"),
  WRITE_DEVICES("write:devices"),
  READ_TARGETS("read:targets"),
  WRITE_TARGETS("write:targets"),
  READ_MODELS("read:models"),
  WRITE_MODELS("write:models"),
  READ_CAMERAS("read:cameras"),
  WRITE_CAMERAS("write:cameras");

  private final String wireName;

  Scope(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static Scope fromWireName(String name) {
    return Arrays.stream(values())
        .filter(s -> s.wireName.equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown scope '" + name + "'; known scopes: " + allWireNames()));
  }

  static String allWireNames() {
    return Arrays.stream(values()).map(Scope::wireName).collect(Collectors.joining(", "));
  }

  static boolean grants(Collection<Scope> held, Scope needed) {
    return held.contains(ADMIN) || held.contains(needed);
  }
}
