package dev.argus.api.system;

import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Beans shared across features. */
@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

  /** The one clock the api reads, so tests can reason about "now". */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Bodies over 1 MB are refused before authentication or parsing spends anything on them. */
  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimit() {
    var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
