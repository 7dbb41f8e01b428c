package dev.argus.api.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CredentialsTest {

  @Test
  void usernamesAreLowerCaseWordsOfAtMost64Characters() {
    assertThat(Credentials.usernameProblem("ops.team-1@home")).isNull();
    assertThat(Credentials.usernameProblem("a".repeat(64))).isNull();
    assertThat(Credentials.usernameProblem("a".repeat(65))).startsWith("username must be");
    assertThat(Credentials.usernameProblem("Admin")).startsWith("username must be");
    assertThat(Credentials.usernameProblem("-dash")).startsWith("username must be");
    assertThat(Credentials.usernameProblem("")).startsWith("username must be");
    assertThat(Credentials.usernameProblem(null)).startsWith("username must be");
  }

  @Test
  void aPasswordHasAtLeast12CharactersAndAtMost72Bytes() {
    assertThat(Credentials.passwordProblem("password", "eleven-char"))
        .isEqualTo("password must be at least 12 characters long");
    assertThat(Credentials.passwordProblem("password", "twelve-chars")).isNull();
    assertThat(Credentials.passwordProblem("password", "x".repeat(72))).isNull();
    // 25 three-byte characters: long enough in characters, past what bcrypt reads in bytes
    assertThat(Credentials.passwordProblem("new_password", "€".repeat(25)))
        .isEqualTo("new_password must be at most 72 bytes long (bcrypt's limit)");
  }

  @Test
  void aShortFirstAdminPasswordStopsTheApiNamingTheSetting() {
    assertThatThrownBy(() -> new UsersProperties("too-short", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ARGUS_ADMIN_PASSWORD must be at least 12 characters long");
    assertThat(new UsersProperties("", " ").adminPassword()).isNull();
    assertThat(new UsersProperties("", " ").passwordFile()).isNull();
  }
}
