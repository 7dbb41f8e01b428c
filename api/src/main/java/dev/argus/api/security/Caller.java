package dev.argus.api.security;

import java.util.List;
import java.util.UUID;

/**
 * Who made an authenticated request: the bootstrap key from {@code API_KEY}, or a stored key.
 *
 * @param storedKeyId null for the bootstrap key
 * @param rateBucket the rate-limit bucket of the key (shared by all replicas)
 * @param rateLimitPerMinute the key's own limit, else RATE_LIMIT_PER_MINUTE
 * @param ownRateLimit whether the key has a limit of its own, which then holds on every endpoint
 */
record Caller(
    UUID storedKeyId,
    String rateBucket,
    List<Scope> scopes,
    int rateLimitPerMinute,
    boolean ownRateLimit) {

  static final String BOOTSTRAP_BUCKET = "key:bootstrap";

  /** Whether the key holds {@code needed}; a null scope asks only for a valid key. */
  boolean may(Scope needed) {
    return needed == null || Scope.grants(scopes, needed);
  }

  /** The bucket and limit of a request, to an endpoint with a window of its own or not. */
  RateWindow windowFor(EndpointLimit endpoint) {
    if (endpoint == null) {
      return new RateWindow(rateBucket, rateLimitPerMinute);
    }
    return new RateWindow(
        rateBucket + ":" + endpoint.name(),
        ownRateLimit ? rateLimitPerMinute : endpoint.perMinute());
  }

  record RateWindow(String bucket, int perMinute) {}
}
