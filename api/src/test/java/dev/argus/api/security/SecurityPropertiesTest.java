package dev.argus.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.api.ApiApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

class SecurityPropertiesTest {

  @Test
  void aBootstrapKeyShorterThan32CharactersIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> new SecurityProperties("too-short", 60, 10))
        .hasMessageContaining("API_KEY must be at least 32 characters long (it has 9)");
  }

  @Test
  void anUnsetOrBlankKeyDisablesAuthenticationOfThePowerApi() {
    assertThat(new SecurityProperties("", 60, 10).authenticationEnabled()).isFalse();
    assertThat(new SecurityProperties(null, 60, 10).authenticationEnabled()).isFalse();
    assertThat(new SecurityProperties("x".repeat(32), 60, 10).authenticationEnabled()).isTrue();
  }

  @Test
  void alertStatusHasItsOwnLimitOf120UnlessSetAndItMustBePositive() {
    assertThat(new SecurityProperties(null, 60, 10).alertStatusRateLimitPerMinute()).isEqualTo(120);
    assertThatThrownBy(() -> new SecurityProperties(null, 60, 10, 0))
        .hasMessageContaining("ALERT_STATUS_RATE_LIMIT_PER_MINUTE must be at least 1, got 0");
  }

  @Test
  void theApiDoesNotStartWithAShortKey() {
    SpringApplication app = new SpringApplication(ApiApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);

    assertThatThrownBy(
            () -> app.run("--argus.security.api-key=short", "--spring.main.banner-mode=off"))
        .rootCause()
        .hasMessageContaining("API_KEY must be at least 32 characters");
  }
}
