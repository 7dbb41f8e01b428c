package dev.argus.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.system.signin.Person;
import dev.argus.api.system.signin.Role;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

class RoleScopesTest {

  @Test
  void aViewerHoldsEveryReadScopeAndNothingElse() {
    assertThat(names(RoleScopes.of(Role.VIEWER)))
        .containsExactly(
            "read:events", "read:devices", "read:targets", "read:models", "read:cameras");
  }

  @Test
  void anOperatorHoldsEveryReadAndWriteScopeButNotAdmin() {
    List<String> scopes = names(RoleScopes.of(Role.OPERATOR));

    assertThat(scopes)
        .containsExactlyElementsOf(
            Arrays.stream(Scope.values())
                .filter(scope -> scope != Scope.ADMIN)
                .map(Scope::wireName)
                .toList());
    assertThat(scopes).allMatch(scope -> scope.startsWith("read:") || scope.startsWith("write:"));
  }

  @Test
  void anAdminHoldsAdmin() {
    assertThat(RoleScopes.of(Role.ADMIN)).containsExactly(Scope.ADMIN);
  }

  @Test
  void aSignedInPersonsAuthoritiesAreTheScopesTheRoleGrants() {
    // admin implies every scope, as it does for a key
    assertThat(authorities(Role.ADMIN))
        .containsExactlyElementsOf(Arrays.stream(Scope.values()).map(Scope::wireName).toList());
    assertThat(authorities(Role.VIEWER)).doesNotContain("write:targets", "admin");
    assertThat(authorities(Role.OPERATOR)).contains("write:targets").doesNotContain("admin");
  }

  private static List<String> authorities(Role role) {
    return new PersonAuthentication(new Person(1, "someone", role))
        .getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }

  private static List<String> names(List<Scope> scopes) {
    return scopes.stream().map(Scope::wireName).toList();
  }
}
