package dev.argus.api.alerts;

import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.events.Severity;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, for one event and each enabled provider, whether to notify, and records every outcome in
 * {@code alert_deliveries}. In order: an event already sent through a provider is not sent again (a
 * redelivered record); recoveries go out when {@code send_recovery} is on, whatever the provider's
 * {@code min_severity} (every low-severity event is a recovery, so the filter would otherwise
 * silence them all) and past the cooldown; other events need {@code min_severity} and a cooldown
 * claim, which is given back when the notification fails.
 */
class AlertDispatcher {

  private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);

  /** One provider's answer to a test notification. */
  record TestResult(
      String type, String name, String outcome, @Schema(nullable = true) String error) {}

  private final AlertSettingsRepository settings;
  private final DeliveryLog deliveries;
  private final ResilientDelivery delivery;
  private final Clock clock;

  AlertDispatcher(
      AlertSettingsRepository settings,
      DeliveryLog deliveries,
      ResilientDelivery delivery,
      Clock clock) {
    this.settings = settings;
    this.deliveries = deliveries;
    this.delivery = delivery;
    this.clock = clock;
  }

  void handle(DerivedEvent event) {
    AlertSettings current = settings.load();
    AlertMessage message = AlertMessage.of(event);
    for (AlertProvider provider : current.enabledProviders()) {
      handle(message, provider, current);
    }
  }

  private void handle(AlertMessage message, AlertProvider provider, AlertSettings current) {
    String name = provider.name();
    if (deliveries.alreadySent(message.eventId(), name)) {
      return;
    }
    Instant claimed = null;
    if (message.isRecovery()) {
      if (!current.sendRecovery()) {
        deliveries.record(message, name, DeliveryOutcome.SKIPPED_RECOVERY, 0, null);
        return;
      }
    } else {
      Severity minimum = AlertSettingsPolicy.severity(name, provider.minSeverity());
      if (message.severity().compareTo(minimum) < 0) {
        deliveries.record(message, name, DeliveryOutcome.SKIPPED_SEVERITY, 0, null);
        return;
      }
      if (current.cooldownMinutes() > 0) {
        claimed = clock.instant();
        if (!deliveries.claimCooldown(
            message.subjectId(), message.eventType(), name, claimed, current.cooldownMinutes())) {
          deliveries.record(message, name, DeliveryOutcome.SKIPPED_COOLDOWN, 0, null);
          return;
        }
      }
    }
    ResilientDelivery.Result result = delivery.deliver(provider, message);
    if (result.outcome() != DeliveryOutcome.SENT) {
      log.warn(
          "Alert {} for {} via {}: {}",
          result.outcome().wireName(),
          message.title(),
          name,
          result.error());
      if (claimed != null) {
        deliveries.releaseCooldown(message.subjectId(), message.eventType(), name, claimed);
      }
    }
    deliveries.record(message, name, result.outcome(), result.attempts(), result.error());
  }

  /** Sends a test notification through every enabled provider now; empty when none is. */
  List<TestResult> sendTest() {
    AlertMessage message = AlertMessage.test(clock.instant());
    return settings.load().enabledProviders().stream()
        .map(
            provider -> {
              ResilientDelivery.Result result = delivery.deliverOnce(provider, message);
              deliveries.record(
                  message, provider.name(), result.outcome(), result.attempts(), result.error());
              return new TestResult(
                  provider.type(), provider.name(), result.outcome().wireName(), result.error());
            })
        .toList();
  }
}
