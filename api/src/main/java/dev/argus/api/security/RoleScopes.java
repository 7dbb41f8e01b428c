package dev.argus.api.security;

import dev.argus.api.system.signin.Role;
import java.util.Arrays;
import java.util.List;

/**
 * The scopes a person's role stands for, so that a signed-in person passes the same {@link
 * AccessRules} as a key with those scopes: a viewer holds every {@code read:*} scope, an operator
 * every {@code read:*} and {@code write:*} scope, an admin {@code admin} (which implies all).
 */
final class RoleScopes {

  private RoleScopes() {}

  static List<Scope> of(Role role) {
    return switch (role) {
      case ADMIN -> List.of(Scope.ADMIN);
      case OPERATOR -> withPrefix("read:", "write:");
      case VIEWER -> withPrefix("read:");
    };
  }

  private static List<Scope> withPrefix(String... prefixes) {
    return Arrays.stream(Scope.values())
        .filter(scope -> Arrays.stream(prefixes).anyMatch(scope.wireName()::startsWith))
        .toList();
  }
}
