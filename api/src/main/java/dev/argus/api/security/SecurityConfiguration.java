package dev.argus.api.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** Puts the API-key gate in front of every request, before any controller. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  FilterRegistrationBean<ApiKeyAuthenticationFilter> apiKeyAuthentication(
      AccessPolicy policy,
      ApiKeyService keys,
      SlidingWindowRateLimiter limiter,
      SecurityProperties properties,
      JsonMapper json) {
    var registration =
        new FilterRegistrationBean<>(
            new ApiKeyAuthenticationFilter(policy, keys, limiter, properties, json));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
