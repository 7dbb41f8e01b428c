package dev.argus.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.argus.bench.SyntheticFleet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class TwoApisTest {

  @Test
  void probeDevicesLandOnePerPartition() {
    // Given
    SyntheticFleet probes = new SyntheticFleet("two-apis-probe-test", 10_000, 1, 1);

    // When
    List<Integer> devices = TwoApis.onePerPartition(probes, 6);

    // Then
    assertThat(devices).hasSize(6);
    assertThat(
            devices.stream()
                .map(d -> probes.deviceId(d).getBytes(StandardCharsets.UTF_8))
                .map(key -> Utils.toPositive(Utils.murmur2(key)) % 6))
        .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
  }

  @Test
  void theReceiverKeepsEveryDeliveryWithItsEventId() throws Exception {
    // Given
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      String body =
          """
          {"event_id": "e-1", "subject_id": "ups-1", "event_type": "on_battery",
           "timestamp": "2026-12-03T22:00:00Z", "title": "[HIGH] on_battery: ups-1"}
          """;

      // When the same alert arrives twice
      HttpClient http = HttpClient.newHttpClient();
      for (int i = 0; i < 2; i++) {
        HttpResponse<Void> answer =
            http.send(
                HttpRequest.newBuilder(URI.create(receiver.url()))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).isEqualTo(204);
      }

      // Then both are kept, so the double shows
      assertThat(receiver.deliveries())
          .extracting(
              WebhookReceiver.Delivery::eventId,
              WebhookReceiver.Delivery::subjectId,
              WebhookReceiver.Delivery::eventType,
              WebhookReceiver.Delivery::occurredAt)
          .containsExactly(
              tuple("e-1", "ups-1", "on_battery", Instant.parse("2026-12-03T22:00:00Z")),
              tuple("e-1", "ups-1", "on_battery", Instant.parse("2026-12-03T22:00:00Z")));
      List<String> ids =
          receiver.deliveries().stream().map(WebhookReceiver.Delivery::eventId).toList();
      assertThat(Tally.of(List.of("e-1"), ids).duplicated()).isEqualTo(1);
    }
  }
}
