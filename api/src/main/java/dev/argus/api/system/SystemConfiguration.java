package dev.argus.api.system;

import dev.argus.contract.kafka.KafkaSettings;
import java.time.Clock;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/** Beans shared across features. */
@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

  /** The one clock the api reads, so tests can reason about "now". */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** The Kafka settings every service shares ({@code argus.kafka.*}), checked as they are bound. */
  @Bean
  KafkaSettings kafkaSettings(Environment environment) {
    return Binder.get(environment).bindOrCreate(KafkaSettings.PREFIX, KafkaSettings.class);
  }

  /** Bodies over 1 MB are refused before authentication or parsing spends anything on them. */
  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimit(
      HttpLimits limits, JsonMapper json) {
    var registration =
        new FilterRegistrationBean<>(new RequestBodyLimitFilter(limits.bodyDeadline(), json));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * Query strings are checked right after the body limit, before authentication and before any code
   * reads a parameter.
   */
  @Bean
  FilterRegistrationBean<QueryParameterFilter> queryParameterCheck(JsonMapper json) {
    var registration = new FilterRegistrationBean<>(new QueryParameterFilter(json));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  @Bean
  TomcatConfiguration tomcatConfiguration(HttpLimits limits) {
    return new TomcatConfiguration(limits);
  }

  @Bean
  StrictJsonTypes strictJsonTypes() {
    return new StrictJsonTypes();
  }
}
