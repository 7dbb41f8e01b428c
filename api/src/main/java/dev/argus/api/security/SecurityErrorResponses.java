package dev.argus.api.security;

import dev.argus.api.system.DatabaseFailures;
import dev.argus.api.system.DatabaseSpace;
import dev.argus.api.system.ErrorBody;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seeds' answers when the security chain refuses a request, as {@code {"detail": ...}}: 401
 * {@code Missing API key in x-api-key header} (no key where one is needed), 401 {@code Invalid or
 * disabled API key}, 429 after too many failed authentications from one IP, 503 when the key cannot
 * be checked for the database (unavailable, or out of disk space), and 403 {@code This API key
 * lacks the 'X' scope}. For signed-in people: 401 when their session ended, 403 naming the scope
 * their role lacks, 403 for a write without the CSRF token, and 403 for an API key on a route that
 * only a signed-in person may use.
 */
@Component
class SecurityErrorResponses
    implements AuthenticationEntryPoint, AuthenticationFailureHandler, AccessDeniedHandler {

  static final String MISSING_KEY = "Missing API key in x-api-key header";
  static final String DATABASE_UNAVAILABLE = DatabaseFailures.UNAVAILABLE;
  static final String SESSION_ENDED =
      "Signed out, or the session has expired: sign in again (POST /api/v1/auth/login) or send"
          + " an API key in the x-api-key header";
  static final String CSRF_REFUSED =
      "Missing or wrong CSRF token: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header"
          + " (GET /api/v1/auth/csrf sets the cookie)";
  static final String PEOPLE_ONLY =
      "Only a signed-in person can use this route (POST /api/v1/auth/login); an API key cannot";
  static final String CROSS_ORIGIN_HANDSHAKE =
      "A WebSocket signed in by the session cookie must be opened from this api's own origin";

  private final JsonMapper json;
  private final DatabaseSpace space;

  SecurityErrorResponses(JsonMapper json, DatabaseSpace space) {
    this.json = json;
    this.space = space;
  }

  /** A request without a key reached a rule that needs one. */
  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    write(request, response, 401, hasSessionCookie(request) ? SESSION_ENDED : MISSING_KEY, 0);
  }

  /** The presented key was not accepted. */
  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    switch (e) {
      case ApiKeyAuthenticationProvider.TooManyFailedAuthenticationsException tooMany ->
          write(request, response, 429, tooMany.getMessage(), tooMany.retryAfterSeconds());
      case AuthenticationServiceException unavailable ->
          writeDatabaseFailure(request, response, unavailable.getCause());
      default -> write(request, response, 401, ApiKeyAuthenticationProvider.INVALID_KEY, 0);
    }
  }

  /** A valid key without the scope the rule asks for. */
  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    String detail;
    if (e instanceof CsrfException) {
      detail = CSRF_REFUSED;
    } else if (caller instanceof PersonAuthentication person) {
      detail =
          "Your role '"
              + person.person().role().wireName()
              + "' lacks the '"
              + neededScope(e)
              + "' scope";
    } else if (AccessRules.SIGNED_IN_PERSON.matches(request)) {
      detail = PEOPLE_ONLY;
    } else {
      detail = "This API key lacks the '" + neededScope(e) + "' scope";
    }
    write(request, response, 403, detail, 0);
  }

  /** Whether the request carries a session cookie, valid or not. */
  static boolean hasSessionCookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    return cookies != null
        && Arrays.stream(cookies)
            .anyMatch(cookie -> SessionSignIn.SESSION_COOKIE.equals(cookie.getName()));
  }

  /**
   * 503 for a request the database could not serve: out of disk space (the key's use could not be
   * recorded) or unavailable.
   */
  void writeDatabaseFailure(
      HttpServletRequest request, HttpServletResponse response, Throwable failure)
      throws IOException {
    boolean full = failure != null && space.recordIfOutOfSpace(failure);
    write(request, response, 503, full ? DatabaseFailures.OUT_OF_SPACE : DATABASE_UNAVAILABLE, 0);
  }

  void write(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String detail,
      long retryAfterSeconds)
      throws IOException {
    if (retryAfterSeconds > 0) {
      response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
    }
    ErrorBody.write(request, response, status, detail, json);
  }

  private static String neededScope(AccessDeniedException e) {
    if (e instanceof AuthorizationDeniedException denied
        && denied.getAuthorizationResult() instanceof AuthorityAuthorizationDecision decision
        && !decision.getAuthorities().isEmpty()) {
      return decision.getAuthorities().iterator().next().getAuthority();
    }
    return Scope.ADMIN.wireName();
  }
}
