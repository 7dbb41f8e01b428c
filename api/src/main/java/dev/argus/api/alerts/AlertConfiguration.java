package dev.argus.api.alerts;

import dev.argus.api.system.KafkaClients;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires alert delivery; the event consumer only when {@code ARGUS_ALERTS_ENABLED} is true. */
@Configuration(proxyBeanMethods = false)
class AlertConfiguration {

  @Bean
  AlertSenders alertSenders(AlertProperties properties, JsonMapper json) {
    return new AlertSenders(
        new HttpAlertSender(json, properties.connectTimeout(), properties.requestTimeout()),
        new EmailAlertSender(properties.connectTimeout(), properties.requestTimeout()));
  }

  @Bean
  ResilientDelivery resilientDelivery(AlertSenders senders, AlertProperties properties) {
    return new ResilientDelivery(senders, properties);
  }

  @Bean
  AlertDispatcher alertDispatcher(
      AlertSettingsRepository settings,
      DeliveryLog deliveries,
      ResilientDelivery delivery,
      Clock clock) {
    return new AlertDispatcher(settings, deliveries, delivery, clock);
  }

  @Bean
  @ConditionalOnProperty(name = "argus.alerts.enabled", havingValue = "true")
  AlertEventConsumer alertEventConsumer(
      AlertProperties properties, KafkaClients kafka, AlertDispatcher dispatcher) {
    return new AlertEventConsumer(properties, kafka, dispatcher);
  }
}
