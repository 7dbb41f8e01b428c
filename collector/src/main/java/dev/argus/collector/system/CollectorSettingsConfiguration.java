package dev.argus.collector.system;

import dev.argus.collector.camera.CameraSettings;
import dev.argus.collector.camera.DetectorSettings;
import dev.argus.collector.kafka.ProducerSettings;
import dev.argus.collector.power.device.DeviceUriConverter;
import dev.argus.collector.probe.ProbeSettings;
import dev.argus.collector.protect.ProtectSettings;
import dev.argus.contract.kafka.BrokerWaitSettings;
import dev.argus.contract.kafka.KafkaSettings;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Binds and validates the settings ({@code argus.collector.*}, {@code argus.kafka.*} (and {@code
 * argus.kafka.startup.*}, {@code argus.kafka.producer.*}), {@code argus.probe.*}, {@code
 * argus.secrets.*}, {@code argus.camera.*}, {@code argus.protect.*}, {@code argus.detector.*}),
 * apart from the beans that use them so that tests can bind them alone.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  CameraSettings.class,
  CollectorProperties.class,
  DetectorSettings.class,
  LlmProbeSettings.class,
  ProbeSettings.class,
  ProtectSettings.class,
  SecretsSettings.class
})
public class CollectorSettingsConfiguration {

  /** The Kafka settings every service shares ({@code argus.kafka.*}), checked as they are bound. */
  @Bean
  KafkaSettings kafkaSettings(Environment environment) {
    return Binder.get(environment).bindOrCreate(KafkaSettings.PREFIX, KafkaSettings.class);
  }

  /** How long and how much the producers buffer ({@code argus.kafka.producer.*}). */
  @Bean
  ProducerSettings producerSettings(Environment environment) {
    return Binder.get(environment).bindOrCreate(ProducerSettings.PREFIX, ProducerSettings.class);
  }

  /** How start-up waits for an unreachable broker ({@code argus.kafka.startup.*}). */
  @Bean
  BrokerWaitSettings brokerWaitSettings(Environment environment) {
    return Binder.get(environment)
        .bindOrCreate(BrokerWaitSettings.PREFIX, BrokerWaitSettings.class);
  }

  /** Static: Spring needs it while binding the settings, before this class is instantiated. */
  @Bean
  @ConfigurationPropertiesBinding
  static DeviceUriConverter deviceUriConverter() {
    return new DeviceUriConverter();
  }
}
