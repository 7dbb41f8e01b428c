package dev.argus.collector.system;

import dev.argus.collector.kafka.KafkaSettings;
import dev.argus.collector.power.device.DeviceUriConverter;
import dev.argus.collector.probe.ProbeSettings;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds and validates the settings ({@code argus.collector.*}, {@code argus.kafka.*}, {@code
 * argus.probe.*}, {@code argus.secrets.*}), apart from the beans that use them so that tests can
 * bind them alone.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  CollectorProperties.class,
  KafkaSettings.class,
  ProbeSettings.class,
  SecretsSettings.class
})
public class CollectorSettingsConfiguration {

  /** Static: Spring needs it while binding the settings, before this class is instantiated. */
  @Bean
  @ConfigurationPropertiesBinding
  static DeviceUriConverter deviceUriConverter() {
    return new DeviceUriConverter();
  }
}
