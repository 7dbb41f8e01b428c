package dev.argus.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.events.PowerEventType;
import dev.argus.contract.events.TargetEventType;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events published to a real broker reach real receivers: HTTP endpoints on loopback acting as
 * webhook, ntfy and Gotify, and a GreenMail SMTP server; every outcome is in alert_deliveries.
 */
class AlertDeliveryIT extends AlertsApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant T0 = Instant.parse("2026-05-27T09:00:00Z");

  @Autowired AlertEventConsumer consumer;

  @Test
  void sendsAnEventToEveryProviderInItsOwnShape() throws Exception {
    // Given
    String subject = unique("ups-office");
    String hook = "/" + unique("hook");
    String ntfy = "/" + unique("ntfy");
    String gotify = "/" + unique("gotify");
    try (TestSmtp smtp = new TestSmtp()) {
      smtp.withUser("alerts@example.com", "argus-smtp", "smtp-secret");
      configure(
          """
          {"cooldown_minutes": 0, "providers": [
            {"type": "webhook", "name": "%s", "url": "%s",
             "headers": {"Authorization": "Bearer hook-secret", "X-Team": "ops"}},
            {"type": "ntfy", "name": "%s", "server_url": "%s", "topic": "argus", "token": "tk-1"},
            {"type": "gotify", "name": "%s", "server_url": "%s", "app_token": "app/tok en"},
            {"type": "email", "name": "%s", "smtp_host": "127.0.0.1", "smtp_port": %d,
             "username": "argus-smtp", "password": "smtp-secret", "from": "argus@example.com",
             "to": ["ops@example.com"], "starttls": false}]}
          """
              .formatted(
                  unique("hook"),
                  RECEIVER.url(hook),
                  unique("ntfy"),
                  RECEIVER.url(ntfy),
                  unique("gotify"),
                  RECEIVER.url(gotify),
                  unique("mail"),
                  smtp.port()));
      DerivedEvent event =
          DerivedEvent.power(
              subject,
              PowerEventType.ON_BATTERY,
              T0,
              Map.of("previous_status", "OL", "battery_percent", 100.0));

      // When
      publish(event);

      // Then
      List<Map<String, Object>> rows = awaitDeliveries(subject, 4);
      assertThat(rows).extracting(r -> r.get("outcome")).containsOnly("sent");
      assertThat(rows).extracting(r -> r.get("attempts")).containsOnly(1);

      HttpReceiver.Received webhook = RECEIVER.to(hook).getFirst();
      assertThat(webhook.method()).isEqualTo("POST");
      assertThat(webhook.header("Authorization")).isEqualTo("Bearer hook-secret");
      assertThat(webhook.header("X-Team")).isEqualTo("ops");
      JsonNode body = JSON.readTree(webhook.body());
      assertThat(body.get("event_id").asString()).isEqualTo(event.eventId());
      assertThat(body.get("source").asString()).isEqualTo("power");
      assertThat(body.get("subject_id").asString()).isEqualTo(subject);
      assertThat(body.get("event_type").asString()).isEqualTo("on_battery");
      assertThat(body.get("severity").asString()).isEqualTo("high");
      assertThat(body.get("timestamp").asString()).isEqualTo("2026-05-27T09:00:00Z");
      assertThat(body.get("metadata").get("previous_status").asString()).isEqualTo("OL");
      assertThat(body.get("title").asString()).isEqualTo("[HIGH] on_battery: " + subject);
      assertThat(body.get("message").asString())
          .contains("2026-05-27T09:00:00Z", "previous_status: OL", "battery_percent: 100.0");

      HttpReceiver.Received toNtfy = RECEIVER.to(ntfy + "/argus").getFirst();
      assertThat(toNtfy.header("Title")).isEqualTo("[HIGH] on_battery: " + subject);
      assertThat(toNtfy.header("Priority")).isEqualTo("4");
      assertThat(toNtfy.header("Tags")).contains("on_battery");
      assertThat(toNtfy.header("Authorization")).isEqualTo("Bearer tk-1");
      assertThat(toNtfy.body()).contains("on_battery", subject, "previous_status: OL");

      HttpReceiver.Received toGotify = RECEIVER.to(gotify + "/message").getFirst();
      assertThat(toGotify.query()).isEqualTo("token=app%2Ftok+en");
      JsonNode gotifyBody = JSON.readTree(toGotify.body());
      assertThat(gotifyBody.get("title").asString()).isEqualTo("[HIGH] on_battery: " + subject);
      assertThat(gotifyBody.get("priority").asInt()).isEqualTo(8);
      assertThat(gotifyBody.get("message").asString()).contains("battery_percent: 100.0");

      MimeMessage mail = smtp.received()[0];
      assertThat(mail.getSubject()).isEqualTo("[HIGH] on_battery: " + subject);
      assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ops@example.com");
      assertThat(new String(mail.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
          .contains("previous_status: OL");
    }
  }

  @Test
  void minSeveritySkipsLesserEvents() {
    // Given
    String subject = unique("ups-rack");
    String hook = "/" + unique("hook");
    configure(webhook(unique("critical-only"), hook, "critical", 0, true));

    // When
    publish(
        DerivedEvent.power(subject, PowerEventType.THRESHOLD_CROSSED, T0, Map.of()),
        DerivedEvent.power(subject, PowerEventType.BATTERY_LOW, T0.plusSeconds(60), Map.of()));

    // Then
    List<Map<String, Object>> rows = awaitDeliveries(subject, 2);
    assertThat(rows)
        .extracting(r -> r.get("event_type") + ":" + r.get("outcome"))
        .containsExactly("threshold_crossed:skipped_severity", "battery_low:sent");
    assertThat(RECEIVER.to(hook)).hasSize(1);
    assertThat(RECEIVER.to(hook).getFirst().body()).contains("\"battery_low\"");
  }

  @Test
  void cooldownHoldsBackARepeatButNotTheRecovery() {
    // Given
    String subject = unique("ups-hall");
    String hook = "/" + unique("hook");
    configure(webhook(unique("cooled"), hook, "low", 60, true));

    // When
    publish(
        DerivedEvent.power(subject, PowerEventType.ON_BATTERY, T0, Map.of()),
        DerivedEvent.power(subject, PowerEventType.ON_BATTERY, T0.plusSeconds(120), Map.of()),
        DerivedEvent.power(subject, PowerEventType.POWER_RESTORED, T0.plusSeconds(180), Map.of()));

    // Then
    List<Map<String, Object>> rows = awaitDeliveries(subject, 3);
    assertThat(rows)
        .extracting(r -> r.get("event_type") + ":" + r.get("outcome"))
        .containsExactly("on_battery:sent", "on_battery:skipped_cooldown", "power_restored:sent");
    assertThat(RECEIVER.to(hook))
        .extracting(r -> JSON.readTree(r.body()).get("title").asString())
        .containsExactly("[HIGH] on_battery: " + subject, "[LOW] power_restored: " + subject);
  }

  @Test
  void recoveriesAreNotSentWhenSendRecoveryIsOff() {
    // Given
    String target = Long.toString(System.nanoTime());
    String hook = "/" + unique("hook");
    configure(webhook(unique("no-recovery"), hook, "low", 0, false));

    // When
    publish(
        DerivedEvent.target(
            Long.parseLong(target), TargetEventType.THRESHOLD_REACHED, T0, Map.of()),
        DerivedEvent.target(
            Long.parseLong(target), TargetEventType.RECOVERED, T0.plusSeconds(60), Map.of()));

    // Then
    List<Map<String, Object>> rows = awaitDeliveries(target, 2);
    assertThat(rows)
        .extracting(r -> r.get("event_type") + ":" + r.get("outcome"))
        .containsExactly("threshold_reached:sent", "recovered:skipped_recovery");
    assertThat(RECEIVER.to(hook)).hasSize(1);
  }

  @Test
  void retriesUntilTheReceiverAccepts() {
    // Given
    String subject = unique("ups-flaky");
    String hook = "/" + unique("hook");
    RECEIVER.answer(hook, 500, 500);
    configure(webhook(unique("flaky"), hook, "low", 0, true));

    // When
    publish(DerivedEvent.power(subject, PowerEventType.ON_BATTERY, T0, Map.of()));

    // Then
    List<Map<String, Object>> rows = awaitDeliveries(subject, 1);
    assertThat(rows.getFirst()).containsEntry("outcome", "sent").containsEntry("attempts", 3);
    assertThat(RECEIVER.to(hook)).hasSize(3);
  }

  @Test
  void aReceiverThatKeepsFailingOpensTheCircuit() {
    // Given
    String subject = unique("ups-dead");
    String hook = "/" + unique("hook");
    RECEIVER.alwaysAnswer(hook, 503);
    configure(webhook(unique("dead"), hook, "low", 0, true));

    // When
    publish(
        DerivedEvent.power(subject, PowerEventType.ON_BATTERY, T0, Map.of()),
        DerivedEvent.power(subject, PowerEventType.BATTERY_LOW, T0.plusSeconds(60), Map.of()),
        DerivedEvent.power(
            subject, PowerEventType.SHUTDOWN_INITIATED, T0.plusSeconds(120), Map.of()));

    // Then
    List<Map<String, Object>> rows = awaitDeliveries(subject, 3);
    assertThat(rows)
        .extracting(r -> r.get("outcome") + "/" + r.get("attempts"))
        .containsExactly("failed/3", "failed/3", "circuit_open/0");
    assertThat((String) rows.getFirst().get("error")).contains("HTTP 503");
    assertThat(RECEIVER.to(hook)).hasSize(6);
  }

  @Test
  void aRedeliveredEventIsNotSentTwice() {
    // Given
    String subject = unique("ups-twice");
    String hook = "/" + unique("hook");
    configure(webhook(unique("once"), hook, "low", 0, true));
    DerivedEvent event = DerivedEvent.power(subject, PowerEventType.ON_BATTERY, T0, Map.of());
    DerivedEvent marker =
        DerivedEvent.power(subject, PowerEventType.BATTERY_LOW, T0.plusSeconds(60), Map.of());

    // When: the same event twice (as after a crash before the commit), then a later one
    publish(event, event, marker);

    // Then: the marker went out after the duplicate was handled, and the event only once
    await(() -> RECEIVER.to(hook), r -> r.size() >= 2, "two requests to " + hook);
    assertThat(RECEIVER.to(hook))
        .extracting(r -> JSON.readTree(r.body()).get("event_type").asString())
        .containsExactly("on_battery", "battery_low");
    assertThat(deliveriesOf(subject))
        .extracting(r -> r.get("event_type") + ":" + r.get("outcome"))
        .containsExactly("on_battery:sent", "battery_low:sent");
  }

  @Test
  void anUnreadableRecordIsSkipped() {
    // Given
    String subject = unique("ups-garbled");
    String hook = "/" + unique("hook");
    configure(webhook(unique("after-garbage"), hook, "low", 0, true));
    long malformedBefore = consumer.malformedRecords();

    // When
    publishRaw(subject, "{not json".getBytes(StandardCharsets.UTF_8));
    publishRaw(subject, "{\"event_type\": \"on_battery\"}".getBytes(StandardCharsets.UTF_8));
    publish(DerivedEvent.power(subject, PowerEventType.ON_BATTERY, T0, Map.of()));

    // Then
    assertThat(awaitDeliveries(subject, 1).getFirst()).containsEntry("outcome", "sent");
    assertThat(consumer.malformedRecords()).isGreaterThanOrEqualTo(malformedBefore + 2);
  }

  private String webhook(
      String name, String path, String minSeverity, int cooldownMinutes, boolean sendRecovery) {
    return """
    {"cooldown_minutes": %d, "send_recovery": %s, "providers": [
      {"type": "webhook", "name": "%s", "url": "%s", "min_severity": "%s"}]}
    """
        .formatted(cooldownMinutes, sendRecovery, name, RECEIVER.url(path), minSeverity);
  }
}
