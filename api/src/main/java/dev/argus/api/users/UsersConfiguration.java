package dev.argus.api.users;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class UsersConfiguration {

  /**
   * Spring Security's delegating encoder: bcrypt today, each hash prefixed with its algorithm
   * ({@code {bcrypt}}), so a stronger one can become the default without invalidating stored
   * hashes.
   */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}
