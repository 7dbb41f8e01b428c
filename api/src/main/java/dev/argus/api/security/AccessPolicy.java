package dev.argus.api.security;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which requests need a key, and with which scope. As the power seed says, GETs stay public and
 * every write to {@code /api} needs a key (when {@code API_KEY} is unset, those writes are open:
 * the seed's "disabling authentication"); key management under {@code /api/v1/api-keys} always
 * needs an {@code admin} key. Uptime targets need {@code read:targets} / {@code write:targets};
 * {@code GET /api/v1/alert-status}, the alert seed's lightweight polling endpoint, takes any valid
 * key (no scope, as the seed's keys have none) and counts against its own per-key window.
 */
@Component
class AccessPolicy {

  static final String ALERT_STATUS = "/api/v1/alert-status";

  private final SecurityProperties properties;

  AccessPolicy(SecurityProperties properties) {
    this.properties = properties;
  }

  /**
   * What a request needs; empty when it is public.
   *
   * @param scope null when any valid key will do
   * @param endpointLimit a per-key window of its own for this endpoint; null for the key's general
   *     window
   */
  record Requirement(Scope scope, boolean waivedWithoutBootstrapKey, EndpointLimit endpointLimit) {

    Requirement(Scope scope, boolean waivedWithoutBootstrapKey) {
      this(scope, waivedWithoutBootstrapKey, null);
    }
  }

  /**
   * An endpoint polled often (relays, Home Assistant) gets a window apart from the key's general
   * one, so that polling it does not starve the key's other calls, and the reverse.
   *
   * @param name part of the rate-limit bucket, e.g. {@code alert-status}
   * @param perMinute the window's size unless the key has its own {@code rate_limit_per_minute}
   */
  record EndpointLimit(String name, int perMinute) {}

  Optional<Requirement> requirementFor(String method, String path) {
    if (path.equals("/api/v1/api-keys") || path.startsWith("/api/v1/api-keys/")
        || path.startsWith("/api/v1/admin/")) {
      return Optional.of(new Requirement(Scope.ADMIN, false));
    }
    if (path.equals(ALERT_STATUS)) {
      return Optional.of(
          new Requirement(
              null,
              false,
              new EndpointLimit("alert-status", properties.alertStatusRateLimitPerMinute())));
    }
    if (path.equals("/api/v1/targets") || path.startsWith("/api/v1/targets/")) {
      return Optional.of(
          new Requirement(isRead(method) ? Scope.READ_TARGETS : Scope.WRITE_TARGETS, false));
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
