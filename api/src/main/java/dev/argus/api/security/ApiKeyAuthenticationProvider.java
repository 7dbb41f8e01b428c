package dev.argus.api.security;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Checks a presented key against the bootstrap key and the stored ones ({@link ApiKeyService}).
 * Failed checks count per client IP in PostgreSQL; past {@code FAILED_AUTH_LIMIT_PER_MINUTE} the
 * address is refused with 429 before its key is even looked at. An unreachable database is an
 * {@link AuthenticationServiceException} (answered 503), never a 401 that would blame the key.
 */
@Component
class ApiKeyAuthenticationProvider implements AuthenticationProvider {

  static final String INVALID_KEY = "Invalid or disabled API key";

  /** The bucket of failed authentications of a client address (keys and sign-ins alike). */
  static final String FAILURE_BUCKET_PREFIX = "auth-fail:";

  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticationProvider.class);

  private final ApiKeyService keys;
  private final SlidingWindowRateLimiter limiter;
  private final SecurityProperties properties;

  ApiKeyAuthenticationProvider(
      ApiKeyService keys, SlidingWindowRateLimiter limiter, SecurityProperties properties) {
    this.keys = keys;
    this.limiter = limiter;
    this.properties = properties;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    var presented = (ApiKeyAuthentication) authentication;
    String failureBucket = FAILURE_BUCKET_PREFIX + presented.clientAddress();
    int failureLimit = properties.failedAuthLimitPerMinute();
    try {
      var failures = limiter.peek(failureBucket, failureLimit, MINUTE);
      if (!failures.allowed()) {
        throw new TooManyFailedAuthenticationsException(failures.retryAfterSeconds());
      }
      Optional<Caller> caller = keys.authenticate((String) presented.getCredentials());
      if (caller.isEmpty()) {
        limiter.tryAcquire(failureBucket, failureLimit, MINUTE);
        throw new BadCredentialsException(INVALID_KEY);
      }
      return presented.authenticatedAs(caller.get());
    } catch (DataAccessException | TransactionException e) {
      log.warn("Cannot check an API key, the database is unavailable: {}", e.getMessage());
      throw new AuthenticationServiceException("Database unavailable", e);
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return ApiKeyAuthentication.class.isAssignableFrom(authentication);
  }

  /** Too many failed authentications from one client IP within the last minute. */
  static final class TooManyFailedAuthenticationsException extends AuthenticationException {

    private final long retryAfterSeconds;

    TooManyFailedAuthenticationsException(long retryAfterSeconds) {
      super(
          "Too many failed authentication attempts. Try again in "
              + retryAfterSeconds
              + " seconds.");
      this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }
}
