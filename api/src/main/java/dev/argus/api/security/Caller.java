package dev.argus.api.security;

import java.util.List;
import java.util.UUID;

/**
 * Who made an authenticated request: the bootstrap key from {@code API_KEY}, or a stored key.
 *
 * @param storedKeyId null for the bootstrap key
 * @param rateBucket the rate-limit bucket of the key (shared by all replicas)
 */
record Caller(UUID storedKeyId, String rateBucket, List<Scope> scopes, int rateLimitPerMinute) {

  static final String BOOTSTRAP_BUCKET = "key:bootstrap";

  boolean may(Scope needed) {
    return Scope.grants(scopes, needed);
  }
}
