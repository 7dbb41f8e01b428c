package dev.argus.api.security;

import dev.argus.api.system.signin.Person;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A person signed in by their session cookie. Their authorities are the scopes of their role, with
 * {@code admin} standing for every scope as it does for a key, so the access rules need not know
 * whether a key or a person is asking.
 */
final class PersonAuthentication extends AbstractAuthenticationToken {

  private final transient Person person;

  PersonAuthentication(Person person) {
    super(authoritiesOf(person));
    this.person = person;
    setAuthenticated(true);
  }

  Person person() {
    return person;
  }

  @Override
  public Object getCredentials() {
    return null;
  }

  @Override
  public Object getPrincipal() {
    return person.username();
  }

  private static List<GrantedAuthority> authoritiesOf(Person person) {
    List<Scope> held = RoleScopes.of(person.role());
    return Arrays.stream(Scope.values())
        .filter(scope -> Scope.grants(held, scope))
        .<GrantedAuthority>map(scope -> new SimpleGrantedAuthority(scope.wireName()))
        .toList();
  }
}
