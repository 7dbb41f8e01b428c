package dev.argus.api.security;

import dev.argus.api.system.signin.People;
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
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The api's one security chain, in front of every request: Spring Security's firewall refuses
 * ambiguous paths (400), {@link ApiKeyAuthenticationProvider} checks the {@code x-api-key} header
 * of any request that is not open, {@link AccessRules} decide (deny by default), and {@link
 * KeyRateLimitFilter} counts admitted requests against the key's window.
 *
 * <p>A key travels in a header with every request, and Spring Security itself keeps nothing in a
 * session (no login form, no HTTP Basic). A person who signed in ({@code /api/v1/auth/login}) has a
 * session cookie instead: {@link SessionAuthenticationFilter} reads it, and since a browser sends
 * it on its own, every write it authenticates needs the CSRF token ({@link
 * SessionCookieConfiguration}), as does signing in. A request with a key and no session cookie
 * carries no ambient credential and needs no token, so clients of the API are unaffected.
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
      SecurityErrorResponses errors,
      People people,
      CsrfTokenRepository csrfTokens)
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
    return http.csrf(
            csrf ->
                csrf.csrfTokenRepository(csrfTokens)
                    // The token as the cookie holds it: the page sends the cookie's value back.
                    .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                    .requireCsrfProtectionMatcher(
                        new AndRequestMatcher(
                            CsrfFilter.DEFAULT_CSRF_MATCHER,
                            new OrRequestMatcher(
                                AccessRules.SIGN_IN_POST,
                                SecurityErrorResponses::hasSessionCookie))))
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .anonymous(AbstractHttpConfigurer::disable)
        // Spring Security's own filters neither make nor read sessions; only signing in makes one
        // (SessionSignIn), and only SessionAuthenticationFilter reads it.
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .securityContext(
            context ->
                context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .exceptionHandling(
            exceptions -> exceptions.authenticationEntryPoint(errors).accessDeniedHandler(errors))
        .authorizeHttpRequests(rules::authorize)
        .addFilterBefore(
            new SessionAuthenticationFilter(rules, people, errors), BasicAuthenticationFilter.class)
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
