package dev.argus.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An API key presented in the {@code x-api-key} header (or, for a benchmark WebSocket, the {@code
 * api_key} query parameter), and once checked, the {@link Caller} it stands for. The caller's
 * scopes are its authorities, {@code admin} standing for every scope, so the access rules ask for
 * the one scope an endpoint needs.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

  static final String HEADER = "x-api-key";

  /** The query parameter a WebSocket handshake may carry its key in (see AccessRules). */
  static final String QUERY_PARAMETER = "api_key";

  private final transient Caller caller;
  private final String clientAddress;
  private String presentedKey;

  private ApiKeyAuthentication(
      String presentedKey, Caller caller, String clientAddress, List<GrantedAuthority> scopes) {
    super(scopes);
    this.presentedKey = presentedKey;
    this.caller = caller;
    this.clientAddress = clientAddress;
    setAuthenticated(caller != null);
  }

  /**
   * The key a request presents in its header or, when {@code queryAllowed} and there is no header,
   * in the {@code api_key} query parameter; null when it has none (the rules then decide alone).
   */
  static ApiKeyAuthentication presentedIn(HttpServletRequest request, boolean queryAllowed) {
    String presented = request.getHeader(HEADER);
    if ((presented == null || presented.isBlank()) && queryAllowed) {
      presented = request.getParameter(QUERY_PARAMETER);
    }
    if (presented == null || presented.isBlank()) {
      return null;
    }
    return new ApiKeyAuthentication(presented.strip(), null, request.getRemoteAddr(), List.of());
  }

  ApiKeyAuthentication authenticatedAs(Caller caller) {
    List<GrantedAuthority> scopes =
        Arrays.stream(Scope.values())
            .filter(caller::may)
            .<GrantedAuthority>map(scope -> new SimpleGrantedAuthority(scope.wireName()))
            .toList();
    return new ApiKeyAuthentication(null, caller, clientAddress, scopes);
  }

  Caller caller() {
    return caller;
  }

  String clientAddress() {
    return clientAddress;
  }

  @Override
  public Object getCredentials() {
    return presentedKey;
  }

  @Override
  public Object getPrincipal() {
    return caller != null ? caller.rateBucket() : null;
  }

  @Override
  public void eraseCredentials() {
    super.eraseCredentials();
    presentedKey = null;
  }
}
