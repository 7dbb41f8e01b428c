package dev.argus.api.security;

import dev.argus.api.system.ErrorBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one authentication and rate-limit gate of the api, for {@code /api} and {@code /api/v1}
 * alike. For a request that needs a key (see {@link AccessPolicy}) it answers, with the seeds'
 * bodies: 401 {@code Missing API key in x-api-key header}, 401 {@code Invalid or disabled API
 * key}, 429 after too many failed authentications from one client IP, 403 for a key without the
 * scope, and 429 {@code Rate limit exceeded. Try again in N seconds.} past the key's limit, with
 * {@code Retry-After} and {@code X-RateLimit-*} headers. All counting is in PostgreSQL, shared by
 * every replica.
 *
 * <p>Registered by {@link SecurityConfiguration} rather than as a component, so web-layer slice
 * tests of the controllers run without it.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

  static final String HEADER = "x-api-key";
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticationFilter.class);

  private final AccessPolicy policy;
  private final ApiKeyService keys;
  private final SlidingWindowRateLimiter limiter;
  private final SecurityProperties properties;
  private final JsonMapper json;

  ApiKeyAuthenticationFilter(
      AccessPolicy policy,
      ApiKeyService keys,
      SlidingWindowRateLimiter limiter,
      SecurityProperties properties,
      JsonMapper json) {
    this.policy = policy;
    this.keys = keys;
    this.limiter = limiter;
    this.properties = properties;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<AccessPolicy.Requirement> requirement =
        policy.requirementFor(request.getMethod(), request.getRequestURI());
    if (requirement.isEmpty()
        || requirement.get().waivedWithoutBootstrapKey() && !properties.authenticationEnabled()) {
      chain.doFilter(request, response);
      return;
    }
    try {
      if (admit(request, response, requirement.get())) {
        chain.doFilter(request, response);
      }
    } catch (DataAccessException e) {
      log.warn("Cannot check an API key, the database is unavailable: {}", e.getMessage());
      reject(response, 503, "Database unavailable, try again shortly", 0);
    }
  }

  /** Writes the rejection and returns false, or returns true when the request may proceed. */
  private boolean admit(
      HttpServletRequest request, HttpServletResponse response, AccessPolicy.Requirement required)
      throws IOException {
    Scope needed = required.scope();
    String presented = request.getHeader(HEADER);
    if (presented == null || presented.isBlank()) {
      reject(response, 401, "Missing API key in x-api-key header", 0);
      return false;
    }
    String failureBucket = "auth-fail:" + request.getRemoteAddr();
    int failureLimit = properties.failedAuthLimitPerMinute();
    var failures = limiter.peek(failureBucket, failureLimit, MINUTE);
    if (!failures.allowed()) {
      reject(response, 429, "Too many failed authentication attempts. Try again in "
          + failures.retryAfterSeconds() + " seconds.", failures.retryAfterSeconds());
      return false;
    }
    Optional<Caller> caller = keys.authenticate(presented.strip());
    if (caller.isEmpty()) {
      limiter.tryAcquire(failureBucket, failureLimit, MINUTE);
      reject(response, 401, "Invalid or disabled API key", 0);
      return false;
    }
    if (!caller.get().may(needed)) {
      reject(response, 403, "This API key lacks the '" + needed.wireName() + "' scope", 0);
      return false;
    }
    Caller.RateWindow window = caller.get().windowFor(required.endpointLimit());
    var rate = limiter.tryAcquire(window.bucket(), window.perMinute(), MINUTE);
    response.setHeader("X-RateLimit-Limit", Integer.toString(rate.limit()));
    response.setHeader("X-RateLimit-Remaining", Integer.toString(rate.remaining()));
    response.setHeader("X-RateLimit-Reset", Long.toString(rate.resetAt().getEpochSecond()));
    if (!rate.allowed()) {
      reject(response, 429, "Rate limit exceeded. Try again in " + rate.retryAfterSeconds()
          + " seconds.", rate.retryAfterSeconds());
      return false;
    }
    keys.recordUse(caller.get(), request.getRemoteAddr());
    return true;
  }

  private void reject(HttpServletResponse response, int status, String detail, long retryAfter)
      throws IOException {
    response.setStatus(status);
    if (retryAfter > 0) {
      response.setHeader("Retry-After", Long.toString(retryAfter));
    }
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.getOutputStream().write(json.writeValueAsBytes(new ErrorBody(detail)));
  }
}
