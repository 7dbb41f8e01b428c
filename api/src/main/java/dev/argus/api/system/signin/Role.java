package dev.argus.api.system.signin;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a person may do. Each role stands for a set of API-key scopes (the security package maps
 * them): a viewer reads everything, an operator also changes everything but keys, users and system
 * settings, an admin does everything.
 */
public enum Role {
  ADMIN("admin"),
  OPERATOR("operator"),
  VIEWER("viewer");

  private final String wireName;

  Role(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static Role fromWireName(String name) {
    return Arrays.stream(values())
        .filter(role -> role.wireName.equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "role must be one of " + allWireNames() + ", not '" + name + "'"));
  }

  public static String allWireNames() {
    return Arrays.stream(values()).map(Role::wireName).collect(Collectors.joining(", "));
  }
}
