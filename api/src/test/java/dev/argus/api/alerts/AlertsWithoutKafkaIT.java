package dev.argus.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.RunningApiTest;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With alerts on but no broker listening, the api starts and serves; the consumer keeps trying. */
class AlertsWithoutKafkaIT extends RunningApiTest {

  @Autowired AlertEventConsumer consumer;

  @DynamicPropertySource
  static void absentBroker(DynamicPropertyRegistry registry) {
    registry.add("argus.alerts.enabled", () -> "true");
    registry.add("argus.kafka.bootstrap-servers", () -> "127.0.0.1:" + closedPort());
  }

  @Test
  void servesAlertSettingsWhileKafkaIsAway() {
    assertThat(api.get("/api/alerts").status()).isEqualTo(200);
    assertThat(api.get("/api/alerts/deliveries").status()).isEqualTo(200);
    assertThat(api.send("PUT", "/api/alerts", "{\"providers\": []}").status()).isEqualTo(200);
    assertThat(consumer.isRunning()).isTrue();
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
