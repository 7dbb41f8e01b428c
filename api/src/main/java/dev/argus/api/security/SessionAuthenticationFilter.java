package dev.argus.api.security;

import dev.argus.api.system.signin.People;
import dev.argus.api.system.signin.Person;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Authenticates a request by its session cookie ({@link SessionSignIn#SESSION_COOKIE}), as the
 * person whose id the session holds. The person is looked up on every request ({@link People}), so
 * a changed role, a disabled or removed account counts at once; a session whose person is gone is
 * ended. A request that presents an API key is the key's business alone, and open requests are
 * served without a look at the session.
 *
 * <p>A WebSocket handshake has no CSRF token, so one authenticated by the cookie must come from a
 * page of this api's own origin ({@code Origin} equal to the request's own scheme, host and port):
 * otherwise any web page could open the live feed with the visitor's cookie (403).
 */
final class SessionAuthenticationFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(SessionAuthenticationFilter.class);

  private final AccessRules rules;
  private final People people;
  private final SecurityErrorResponses errors;
  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();
  private final SecurityContextRepository requestContexts =
      new RequestAttributeSecurityContextRepository();

  SessionAuthenticationFilter(AccessRules rules, People people, SecurityErrorResponses errors) {
    this.rules = rules;
    this.people = people;
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (rules.open().matches(request)
        || ApiKeyAuthentication.presentedIn(request, rules.takesKeyInQuery(request)) != null) {
      chain.doFilter(request, response);
      return;
    }
    HttpSession session = request.getSession(false);
    Object id = session == null ? null : session.getAttribute(SessionSignIn.PERSON_ID);
    if (!(id instanceof Long personId)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<Person> person;
    try {
      person = people.enabledPerson(personId);
    } catch (DataAccessException | TransactionException e) {
      log.warn("Cannot check a session's person, the database failed: {}", e.getMessage());
      errors.writeDatabaseFailure(request, response, e);
      return;
    }
    if (person.isEmpty()) {
      // Disabled or removed since signing in: the session is worth nothing any more.
      session.invalidate();
      chain.doFilter(request, response);
      return;
    }
    if (rules.isWebSocketHandshake(request) && !fromOwnOrigin(request)) {
      errors.write(request, response, 403, SecurityErrorResponses.CROSS_ORIGIN_HANDSHAKE, 0);
      return;
    }
    var context = contexts.createEmptyContext();
    context.setAuthentication(new PersonAuthentication(person.get()));
    contexts.setContext(context);
    requestContexts.saveContext(context, request, response);
    chain.doFilter(request, response);
  }

  /** Spring's own same-origin test (scheme, host and port of the request against Origin). */
  private static boolean fromOwnOrigin(HttpServletRequest request) {
    return request.getHeader("Origin") != null
        && WebUtils.isSameOrigin(new ServletServerHttpRequest(request));
  }
}
