package dev.argus.api.security;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which requests need a key, and with which scope. As the power seed says, GETs stay public and
 * every write to {@code /api} needs a key (when {@code API_KEY} is unset, those writes are open:
 * the seed's "disabling authentication"); key management under {@code /api/v1/api-keys} always
 * needs an {@code admin} key.
 */
@Component
class AccessPolicy {

  /** What a request needs; empty when it is public. */
  record Requirement(Scope scope, boolean waivedWithoutBootstrapKey) {}

  Optional<Requirement> requirementFor(String method, String path) {
    if (path.equals("/api/v1/api-keys") || path.startsWith("/api/v1/api-keys/")) {
      return Optional.of(new Requirement(Scope.ADMIN, false));
    }
    boolean powerApi = path.startsWith("/api/") && !path.startsWith("/api/v1/");
    if (!powerApi || isRead(method)) {
      return Optional.empty();
    }
    Scope scope = path.equals("/api/devices") || path.startsWith("/api/devices/")
        ? Scope.WRITE_DEVICES
        : Scope.ADMIN;
    return Optional.of(new Requirement(scope, true));
  }

  private static boolean isRead(String method) {
    return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
  }
}
