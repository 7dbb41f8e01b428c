package dev.argus.api.security;

/**
 * A per-key rate window of its own for one endpoint (see {@link AccessRules#endpointLimitFor}).
 *
 * @param name part of the rate-limit bucket, e.g. {@code alert-status}
 * @param perMinute the window's size unless the key has its own {@code rate_limit_per_minute}
 */
record EndpointLimit(String name, int perMinute) {}
