package dev.argus.api.system.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in sessions and attempts, implemented by the security feature (which owns the cookie, the
 * CSRF token and the scopes) for the {@code /api/v1/auth} routes of the users feature.
 */
public interface Sessions {

  /**
   * Whether another sign-in attempt for {@code username} from the request's client address is
   * allowed now: failed attempts are limited per username and per address, like failed API keys.
   */
  Attempt attempt(String username, HttpServletRequest request);

  /** Counts a failed sign-in against the username and the client address. */
  void failed(String username, HttpServletRequest request);

  /**
   * Starts a new session for {@code person} (any session the request had is ended first, so a
   * session id planted before sign-in is worthless) and issues a fresh CSRF token.
   */
  void start(Person person, HttpServletRequest request, HttpServletResponse response);

  /** Ends the request's session, if it has one, and clears its CSRF token. */
  void end(HttpServletRequest request, HttpServletResponse response);

  /** Ends every session of a person (their password changed, or the account went). */
  void endAllOf(String username);

  /** The person the current request is signed in as; empty for an API key or no credential. */
  Optional<Person> signedIn();

  /** The scopes of a role, as {@code /api/v1/auth/me} shows them. */
  List<String> scopesOf(Role role);

  /**
   * @param retryAfterSeconds whole seconds until an attempt is allowed again (0 when allowed)
   */
  record Attempt(boolean allowed, long retryAfterSeconds) {}
}
