package dev.argus.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The per-key rate limit, after the access rules admitted a key-authenticated request (a refused
 * request uses no quota): 429 {@code Rate limit exceeded. Try again in N seconds.} with {@code
 * Retry-After} past the key's window, {@code X-RateLimit-Limit/Remaining/Reset} on every such
 * answer, and the key's use recorded (last used, from which IP, how often). Requests the rules let
 * through without a key are not counted.
 *
 * <p>Part of the security chain only ({@link SecurityConfiguration}), never a servlet filter of its
 * own.
 */
class KeyRateLimitFilter extends OncePerRequestFilter {

  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(KeyRateLimitFilter.class);

  private final AccessRules rules;
  private final ApiKeyService keys;
  private final SlidingWindowRateLimiter limiter;
  private final SecurityErrorResponses errors;

  KeyRateLimitFilter(
      AccessRules rules,
      ApiKeyService keys,
      SlidingWindowRateLimiter limiter,
      SecurityErrorResponses errors) {
    this.rules = rules;
    this.keys = keys;
    this.limiter = limiter;
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof ApiKeyAuthentication key) || !key.isAuthenticated()) {
      chain.doFilter(request, response);
      return;
    }
    try {
      Caller.RateWindow window =
          key.caller().windowFor(rules.endpointLimitFor(request).orElse(null));
      var rate = limiter.tryAcquire(window.bucket(), window.perMinute(), MINUTE);
      response.setHeader("X-RateLimit-Limit", Integer.toString(rate.limit()));
      response.setHeader("X-RateLimit-Remaining", Integer.toString(rate.remaining()));
      response.setHeader("X-RateLimit-Reset", Long.toString(rate.resetAt().getEpochSecond()));
      if (!rate.allowed()) {
        errors.write(
            request,
            response,
            429,
            "Rate limit exceeded. Try again in " + rate.retryAfterSeconds() + " seconds.",
            rate.retryAfterSeconds());
        return;
      }
      keys.recordUse(key.caller(), key.clientAddress());
    } catch (DataAccessException | TransactionException e) {
      log.warn(
          "Cannot count a request against its key's limit, the database failed: {}",
          e.getMessage());
      errors.writeDatabaseFailure(request, response, e);
      return;
    }
    chain.doFilter(request, response);
  }
}
