package dev.argus.api.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.DispatcherTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Who may call what: the one place that lists the public routes and the scope each other route
 * needs. Everything not listed needs a valid key (deny by default), so a new endpoint is protected
 * until it is added here on purpose.
 *
 * <p>The rules are Spring Security request matchers over the path the way Spring MVC's router reads
 * it ({@link PathPatternRequestMatcher}: decoded segments, path parameters set aside, case and
 * trailing slashes significant), after the firewall has refused ambiguous spellings. They are never
 * string comparisons on the raw URI, whose reading differs from the router's.
 *
 * <p>As the power seed says, reads of {@code /api} stay public and its writes need a key: {@code
 * write:devices} for devices, {@code admin} for the rest; when {@code API_KEY} is unset those
 * writes are open (the seed's "disabling authentication"). Key management under {@code
 * /api/v1/api-keys} and the operator commands under {@code /api/v1/admin} always need {@code
 * admin}; uptime targets need {@code read:targets} / {@code write:targets}, LLM providers, models,
 * monitoring, benchmarks and LLM alerts {@code read:models} / {@code write:models}; {@code
 * /api/v1/alert-status}, the alert seed's polling endpoint, takes any valid key (the seed's keys
 * have no scopes) and counts against a per-key window of its own.
 *
 * <p>The camera seed's routes: cameras and the AI routes need {@code read:cameras} to read and
 * {@code write:cameras} to change (describe and refine-prompt are writes); events {@code
 * read:events} to read, and {@code write:cameras} to delete or re-analyse; {@code
 * /api/v1/system/health} any valid key, the other system reads {@code read:cameras} and every
 * system write (the settings) {@code admin}; UniFi Protect controllers as cameras ({@code
 * read:cameras} to read, {@code write:cameras} to change or test, as for a camera's test). {@code
 * /ws} takes any valid key, in the header or the {@code api_key} query parameter; {@code /redoc} is
 * public.
 *
 * <p>People sign in ({@code /api/v1/auth}) and then pass these same rules with the scopes of their
 * role ({@link RoleScopes}); their own routes ({@code /api/v1/auth/me}, {@code logout}, {@code
 * password}) are for signed-in people only, since a key belongs to no one. Managing the people
 * ({@code /api/v1/users}) needs {@code admin}, as managing keys does.
 */
@Component
class AccessRules {

  private static final PathPatternRequestMatcher.Builder PATHS =
      PathPatternRequestMatcher.withDefaults();

  /** GET, HEAD and OPTIONS: what the seeds count as reading (first: the matchers below use it). */
  private static final RequestMatcher READ =
      new OrRequestMatcher(
          PATHS.matcher(HttpMethod.GET, "/**"),
          PATHS.matcher(HttpMethod.HEAD, "/**"),
          PATHS.matcher(HttpMethod.OPTIONS, "/**"));

  private static final RequestMatcher V1 = PATHS.matcher("/api/v1/**");
  private static final RequestMatcher API_KEYS = PATHS.matcher("/api/v1/api-keys/**");

  /** Operator commands, e.g. re-encrypting the stored secrets after a key rotation. */
  private static final RequestMatcher ADMIN_COMMANDS = PATHS.matcher("/api/v1/admin/**");

  private static final RequestMatcher TARGETS = PATHS.matcher("/api/v1/targets/**");

  /**
   * LLM endpoint monitoring: provider accounts, their models, the probes and their history,
   * benchmarks, and LLM alerts (rules and the alerts they raised).
   */
  private static final RequestMatcher LLM =
      new OrRequestMatcher(
          PATHS.matcher("/api/v1/providers/**"),
          PATHS.matcher("/api/v1/models/**"),
          PATHS.matcher("/api/v1/monitoring/**"),
          PATHS.matcher("/api/v1/benchmarks/**"),
          PATHS.matcher("/api/v1/alerts/**"));

  /**
   * The WebSocket of a benchmark run: browsers cannot set headers on a WebSocket, so its key may
   * come as the {@code api_key} query parameter (only here: elsewhere a key in a URL would end up
   * in histories and proxy logs for nothing).
   */
  private static final RequestMatcher BENCHMARK_STREAM =
      new AndRequestMatcher(
          PATHS.matcher(HttpMethod.GET, "/api/v1/benchmarks/*/stream"),
          request -> "websocket".equalsIgnoreCase(request.getHeader("Upgrade")));

  /** Cameras (issue 12): their configuration, start/stop and the connection test. */
  private static final RequestMatcher CAMERAS = PATHS.matcher("/api/v1/cameras/**");

  /** Camera events; deleting or re-analysing one changes what a camera recorded. */
  private static final RequestMatcher EVENTS = PATHS.matcher("/api/v1/events/**");

  /** The AI descriptions: the chain, usage, capabilities; describe and refine-prompt are writes. */
  private static final RequestMatcher AI = PATHS.matcher("/api/v1/ai/**");

  /** The camera system's health, settings, storage and TLS status. */
  private static final RequestMatcher SYSTEM = PATHS.matcher("/api/v1/system/**");

  /** The camera system's health: any valid key, as a dashboard or monitor polls it. */
  private static final RequestMatcher SYSTEM_HEALTH =
      new AndRequestMatcher(READ, PATHS.matcher("/api/v1/system/health"));

  /**
   * UniFi Protect controllers: a source of cameras, so the camera scopes (listing a controller's
   * cameras is a read; its connection test is a write, as {@code POST /api/v1/cameras/test} is).
   */
  private static final RequestMatcher PROTECT = PATHS.matcher("/api/v1/protect/**");

  /**
   * The live WebSocket of camera events, statuses and notifications: any valid key, which may come
   * as the {@code api_key} query parameter since browsers cannot set headers on a WebSocket.
   */
  private static final RequestMatcher LIVE = PATHS.matcher("/ws");

  private static final RequestMatcher LIVE_UPGRADE =
      new AndRequestMatcher(
          PATHS.matcher(HttpMethod.GET, "/ws"),
          request -> "websocket".equalsIgnoreCase(request.getHeader("Upgrade")));

  /** Signing in: the CSRF token first, then the username and password (public: see PUBLIC). */
  private static final RequestMatcher SIGN_IN =
      new OrRequestMatcher(
          PATHS.matcher(HttpMethod.GET, "/api/v1/auth/csrf"),
          PATHS.matcher(HttpMethod.POST, "/api/v1/auth/login"));

  /** The sign-in form's post, which needs a CSRF token though no one is signed in yet. */
  static final RequestMatcher SIGN_IN_POST = PATHS.matcher(HttpMethod.POST, "/api/v1/auth/login");

  /** A signed-in person's own routes: who am I, sign out, change my password. */
  static final RequestMatcher SIGNED_IN_PERSON =
      new OrRequestMatcher(
          PATHS.matcher("/api/v1/auth/me"),
          PATHS.matcher("/api/v1/auth/logout"),
          PATHS.matcher("/api/v1/auth/password"));

  /** The people who may sign in, and their roles. */
  private static final RequestMatcher USERS = PATHS.matcher("/api/v1/users/**");

  private static final RequestMatcher ALERT_STATUS = PATHS.matcher("/api/v1/alert-status");
  private static final RequestMatcher DEVICES = PATHS.matcher("/api/devices/**");

  /** The power API: {@code /api} without the {@code /api/v1} features. */
  private static final RequestMatcher POWER =
      new AndRequestMatcher(PATHS.matcher("/api/**"), new NegatedRequestMatcher(V1));

  /**
   * The public routes, all of them. Nothing under {@code /api/v1} is public but signing in.
   *
   * <ul>
   *   <li>{@code GET /api/v1/auth/csrf} and {@code POST /api/v1/auth/login}: signing in (the post
   *       needs the CSRF token the first gives);
   *   <li>reads of the web dashboard: {@code /} (its page for browsers), its assets under {@code
   *       /ui/**} and the WebJars' under {@code /webjars/**};
   *   <li>reads of the power API (the seed's public GETs, {@code /api/health} among them);
   *   <li>the API description and its UIs: {@code /openapi.json} (and springdoc's {@code
   *       /openapi.json/swagger-config}), {@code /docs} and the Swagger UI assets, {@code /redoc}
   *       and its assets under {@code /redoc/**};
   *   <li>{@code GET /metrics}, the Prometheus exposition (404 unless the exporter is enabled);
   *   <li>{@code GET /} and {@code GET /health}, the LLM monitor seed's liveness answers;
   *   <li>the error page, and error dispatches of requests that were already let through.
   * </ul>
   */
  private static final RequestMatcher PUBLIC =
      new OrRequestMatcher(
          SIGN_IN,
          new AndRequestMatcher(
              new NegatedRequestMatcher(V1),
              new OrRequestMatcher(
                  reads("/api/**"),
                  reads("/openapi.json/**"),
                  reads("/docs"),
                  reads("/swagger-ui/**"),
                  reads("/redoc"),
                  reads("/redoc/**"),
                  reads("/metrics"),
                  reads("/"),
                  // The web dashboard's assets and its third-party scripts (WebJars).
                  reads("/ui/**"),
                  reads("/webjars/**"),
                  reads("/health"),
                  PATHS.matcher("/error"),
                  new DispatcherTypeRequestMatcher(DispatcherType.ERROR))));

  private final SecurityProperties properties;
  private final RequestMatcher open;

  AccessRules(SecurityProperties properties) {
    this.properties = properties;
    this.open = properties.authenticationEnabled() ? PUBLIC : new OrRequestMatcher(PUBLIC, POWER);
  }

  /** The requests that need no key: the public routes, and power writes while API_KEY is unset. */
  RequestMatcher open() {
    return open;
  }

  /** Whether a request is one of the public routes (whatever API_KEY says). */
  boolean isPublic(HttpServletRequest request) {
    return PUBLIC.matches(request);
  }

  /** Whether the request may carry its key in the {@code api_key} query parameter. */
  boolean takesKeyInQuery(HttpServletRequest request) {
    return isWebSocketHandshake(request);
  }

  /** The handshake of one of the api's WebSockets (no CSRF token possible: Origin is checked). */
  boolean isWebSocketHandshake(HttpServletRequest request) {
    return BENCHMARK_STREAM.matches(request) || LIVE_UPGRADE.matches(request);
  }

  /** Whether only a signed-in person may make this request (an API key belongs to no one). */
  boolean needsSignedInPerson(HttpServletRequest request) {
    return SIGNED_IN_PERSON.matches(request);
  }

  /** Whether any valid key may make this request, without a scope. */
  boolean takesAnyValidKey(HttpServletRequest request) {
    return ALERT_STATUS.matches(request) || SYSTEM_HEALTH.matches(request) || LIVE.matches(request);
  }

  /** The rules, in order: the first matching one decides. */
  void authorize(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
    requests
        .requestMatchers(open)
        .permitAll()
        .requestMatchers(ALERT_STATUS, SYSTEM_HEALTH, LIVE)
        .authenticated()
        .requestMatchers(SIGNED_IN_PERSON)
        .access(
            (authentication, request) ->
                new AuthorizationDecision(authentication.get() instanceof PersonAuthentication))
        .requestMatchers(API_KEYS, USERS)
        .hasAuthority(Scope.ADMIN.wireName())
        .requestMatchers(ADMIN_COMMANDS)
        .hasAuthority(Scope.ADMIN.wireName())
        .requestMatchers(new AndRequestMatcher(TARGETS, READ))
        .hasAuthority(Scope.READ_TARGETS.wireName())
        .requestMatchers(TARGETS)
        .hasAuthority(Scope.WRITE_TARGETS.wireName())
        .requestMatchers(new AndRequestMatcher(LLM, READ))
        .hasAuthority(Scope.READ_MODELS.wireName())
        .requestMatchers(LLM)
        .hasAuthority(Scope.WRITE_MODELS.wireName())
        .requestMatchers(
            new AndRequestMatcher(new OrRequestMatcher(CAMERAS, PROTECT, AI, SYSTEM), READ))
        .hasAuthority(Scope.READ_CAMERAS.wireName())
        .requestMatchers(SYSTEM)
        .hasAuthority(Scope.ADMIN.wireName())
        .requestMatchers(CAMERAS, PROTECT, AI)
        .hasAuthority(Scope.WRITE_CAMERAS.wireName())
        .requestMatchers(new AndRequestMatcher(EVENTS, READ))
        .hasAuthority(Scope.READ_EVENTS.wireName())
        .requestMatchers(EVENTS)
        .hasAuthority(Scope.WRITE_CAMERAS.wireName())
        .requestMatchers(DEVICES)
        .hasAuthority(Scope.WRITE_DEVICES.wireName())
        .requestMatchers(POWER)
        .hasAuthority(Scope.ADMIN.wireName())
        .anyRequest()
        .authenticated();
  }

  /**
   * The per-key window a request counts against when it has one of its own: an endpoint polled
   * often (relays, Home Assistant) gets a window apart from the key's general one, so that polling
   * it does not starve the key's other calls, and the reverse.
   */
  Optional<EndpointLimit> endpointLimitFor(HttpServletRequest request) {
    if (ALERT_STATUS.matches(request)) {
      return Optional.of(
          new EndpointLimit("alert-status", properties.alertStatusRateLimitPerMinute()));
    }
    return Optional.empty();
  }

  private static RequestMatcher reads(String pattern) {
    return new AndRequestMatcher(READ, PATHS.matcher(pattern));
  }
}
