package dev.argus.api.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans shared across features. */
@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

  /** The one clock the api reads, so tests can reason about "now". */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
