package dev.argus.api.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The two cookies of a signed-in browser. {@code ARGUS_SESSION} (Spring Session's, the session id)
 * is HttpOnly, so page scripts never see it, and SameSite=Lax, so other sites' pages do not send it
 * with their forms' posts. {@code XSRF-TOKEN} (Spring Security's {@link CookieCsrfTokenRepository})
 * is readable by the page's scripts, which send it back in the {@code X-XSRF-TOKEN} header: a page
 * of another site cannot read it, so cannot forge a write. Both are Secure when the request came
 * over TLS (Tomcat's own, or a proxy's when the api trusts its forwarded headers), and their path
 * is {@code /}.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookieConfiguration {

  static final String CSRF_HEADER = "X-XSRF-TOKEN";

  @Bean
  CookieSerializer sessionCookie() {
    var cookie = new DefaultCookieSerializer();
    cookie.setCookieName(SessionSignIn.SESSION_COOKIE);
    cookie.setCookiePath("/");
    cookie.setUseHttpOnlyCookie(true);
    cookie.setSameSite("Lax");
    return cookie;
  }

  @Bean
  CsrfTokenRepository csrfTokens() {
    var tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
    tokens.setHeaderName(CSRF_HEADER);
    tokens.setCookieCustomizer(cookie -> cookie.path("/").sameSite("Lax"));
    return tokens;
  }
}
