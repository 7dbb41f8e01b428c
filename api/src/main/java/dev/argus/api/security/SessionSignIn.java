package dev.argus.api.security;

import dev.argus.api.system.signin.Person;
import dev.argus.api.system.signin.Role;
import dev.argus.api.system.signin.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Sessions of signed-in people, kept by Spring Session in PostgreSQL: a session holds the person's
 * id (and their username, indexed so that all their sessions can be ended) and nothing else; {@link
 * SessionAuthenticationFilter} reads it. Failed sign-ins count in the {@link
 * SlidingWindowRateLimiter} per username and per client address, the address in the same bucket as
 * failed API keys (one budget of failed authentications per address per minute,
 * FAILED_AUTH_LIMIT_PER_MINUTE).
 */
@Component
class SessionSignIn implements Sessions {

  /** The session cookie (Spring Session's, named in {@link SessionCookieConfiguration}). */
  static final String SESSION_COOKIE = "ARGUS_SESSION";

  static final String PERSON_ID = "argus.person_id";
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final SlidingWindowRateLimiter limiter;
  private final SecurityProperties properties;
  private final CsrfTokenRepository csrfTokens;
  private final FindByIndexNameSessionRepository<? extends Session> sessions;

  SessionSignIn(
      SlidingWindowRateLimiter limiter,
      SecurityProperties properties,
      CsrfTokenRepository csrfTokens,
      FindByIndexNameSessionRepository<? extends Session> sessions) {
    this.limiter = limiter;
    this.properties = properties;
    this.csrfTokens = csrfTokens;
    this.sessions = sessions;
  }

  @Override
  public Attempt attempt(String username, HttpServletRequest request) {
    int limit = properties.failedAuthLimitPerMinute();
    long wait = 0;
    for (String bucket : bucketsOf(username, request)) {
      var decision = limiter.peek(bucket, limit, MINUTE);
      wait = Math.max(wait, decision.retryAfterSeconds());
    }
    return new Attempt(wait == 0, wait);
  }

  @Override
  public void failed(String username, HttpServletRequest request) {
    int limit = properties.failedAuthLimitPerMinute();
    for (String bucket : bucketsOf(username, request)) {
      limiter.tryAcquire(bucket, limit, MINUTE);
    }
  }

  @Override
  public void start(Person person, HttpServletRequest request, HttpServletResponse response) {
    HttpSession old = request.getSession(false);
    if (old != null) {
      old.invalidate();
    }
    HttpSession session = request.getSession(true);
    session.setAttribute(PERSON_ID, person.id());
    session.setAttribute(
        FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, person.username());
    // A new token with the new session, as Spring Security does at sign-in: a token known before
    // signing in (planted, or read by someone else) is worth nothing after it.
    csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
  }

  @Override
  public void end(HttpServletRequest request, HttpServletResponse response) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    csrfTokens.saveToken(null, request, response);
    SecurityContextHolder.clearContext();
  }

  @Override
  public void endAllOf(String username) {
    sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
  }

  @Override
  public Optional<Person> signedIn() {
    return SecurityContextHolder.getContext().getAuthentication()
            instanceof PersonAuthentication signedIn
        ? Optional.of(signedIn.person())
        : Optional.empty();
  }

  @Override
  public List<String> scopesOf(Role role) {
    return RoleScopes.of(role).stream().map(Scope::wireName).toList();
  }

  private static List<String> bucketsOf(String username, HttpServletRequest request) {
    return List.of(
        ApiKeyAuthenticationProvider.FAILURE_BUCKET_PREFIX + request.getRemoteAddr(),
        "sign-in-fail:" + username.strip().toLowerCase(Locale.ROOT));
  }
}
