package dev.argus.api.security;

import dev.argus.api.system.secrets.BootstrapApiKey;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication and rate-limit settings, bound from {@code argus.security.*} (environment:
 * API_KEY, RATE_LIMIT_PER_MINUTE, FAILED_AUTH_LIMIT_PER_MINUTE,
 * ALERT_STATUS_RATE_LIMIT_PER_MINUTE). Checked at start-up: a bootstrap key shorter than 32
 * characters stops the api, as the seed requires.
 *
 * @param apiKey the bootstrap admin key; when unset, the power API's writes are open (the seed's
 *     "disabling authentication") and keys cannot be managed
 * @param rateLimitPerMinute requests per key per 60-second sliding window, unless a key has its own
 * @param failedAuthLimitPerMinute failed authentications per client IP per minute before 429
 * @param alertStatusRateLimitPerMinute requests per key per minute to {@code GET
 *     /api/v1/alert-status} (ALERT_STATUS_RATE_LIMIT_PER_MINUTE, the alert seed's 120), in a window
 *     apart from the key's general one, unless a key has its own limit
 */
@ConfigurationProperties("argus.security")
public record SecurityProperties(
    String apiKey,
    int rateLimitPerMinute,
    int failedAuthLimitPerMinute,
    @DefaultValue("120") int alertStatusRateLimitPerMinute) {

  public static final int DEFAULT_ALERT_STATUS_RATE_LIMIT_PER_MINUTE = 120;

  @ConstructorBinding
  public SecurityProperties {
    apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    BootstrapApiKey.check(apiKey);
    if (rateLimitPerMinute < 1) {
      throw new IllegalArgumentException(
          "RATE_LIMIT_PER_MINUTE must be at least 1, got " + rateLimitPerMinute);
    }
    if (failedAuthLimitPerMinute < 1) {
      throw new IllegalArgumentException(
          "FAILED_AUTH_LIMIT_PER_MINUTE must be at least 1, got " + failedAuthLimitPerMinute);
    }
    if (alertStatusRateLimitPerMinute < 1) {
      throw new IllegalArgumentException(
          "ALERT_STATUS_RATE_LIMIT_PER_MINUTE must be at least 1, got "
              + alertStatusRateLimitPerMinute);
    }
  }

  public SecurityProperties(String apiKey, int rateLimitPerMinute, int failedAuthLimitPerMinute) {
    this(
        apiKey,
        rateLimitPerMinute,
        failedAuthLimitPerMinute,
        DEFAULT_ALERT_STATUS_RATE_LIMIT_PER_MINUTE);
  }

  boolean authenticationEnabled() {
    return apiKey != null;
  }
}
