package dev.argus.api.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * The api's one security chain, in front of every request: Spring Security's firewall refuses
 * ambiguous paths (400), {@link ApiKeyAuthenticationProvider} checks the {@code x-api-key} header
 * of any request that is not open, {@link AccessRules} decide (deny by default), and {@link
 * KeyRateLimitFilter} counts admitted requests against the key's window.
 *
 * <p>Stateless: no session, no cookies (so no CSRF token), no login form or HTTP Basic; the key
 * travels in a header with every request.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      AccessRules rules,
      ApiKeyAuthenticationProvider provider,
      ApiKeyService keys,
      SlidingWindowRateLimiter limiter,
      SecurityErrorResponses errors)
      throws Exception {
    var authentication =
        new AuthenticationFilter(
            new ProviderManager(provider),
            request -> ApiKeyAuthentication.presentedIn(request, rules.takesKeyInQuery(request)));
    // Open requests are served as they are, whatever key they carry (as before: a public read
    // with a stale key still works and uses no quota).
    authentication.setRequestMatcher(new NegatedRequestMatcher(rules.open()));
    authentication.setSuccessHandler((request, response, result) -> {});
    authentication.setFailureHandler(errors);
    return http.csrf(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .anonymous(AbstractHttpConfigurer::disable)
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .securityContext(
            context ->
                context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .exceptionHandling(
            exceptions -> exceptions.authenticationEntryPoint(errors).accessDeniedHandler(errors))
        .authorizeHttpRequests(rules::authorize)
        .addFilterAt(authentication, BasicAuthenticationFilter.class)
        .addFilterAfter(
            new KeyRateLimitFilter(rules, keys, limiter, errors), AuthorizationFilter.class)
        .build();
  }

  /** Picked up by Spring Security for its firewall's rejections. */
  @Bean
  RequestRejectedHandler rejectedRequestResponse(SecurityErrorResponses errors) {
    return new RejectedRequestResponse(errors);
  }
}
