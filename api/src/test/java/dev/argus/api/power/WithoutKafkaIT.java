package dev.argus.api.power;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.RunningApiTest;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The api with its broker address pointing at a closed port: it starts, serves reads, takes
 * configuration writes into the outbox (the relay retries in the background), and refuses a manual
 * poll with 503 without leaving the trigger open.
 */
class WithoutKafkaIT extends RunningApiTest {

  private static final String CLOSED_PORT = "127.0.0.1:" + closedPort();

  @DynamicPropertySource
  static void noBroker(DynamicPropertyRegistry registry) {
    registry.add("argus.kafka.bootstrap-servers", () -> CLOSED_PORT);
    registry.add("argus.api.kafka.send-timeout", () -> "1s");
  }

  @Test
  void triggerIs503AndLeavesNoOpenTrigger() throws Exception {
    Response refused = api.send("POST", "/api/trigger");

    assertThat(refused.status()).isEqualTo(503);
    JSONAssert.assertEquals(
        "{\"detail\": \"The poll could not be triggered: the message broker is unavailable. Try"
            + " again shortly.\"}",
        refused.body(),
        true);
    assertThat(
            rows.count("SELECT count(*) FROM poll_triggers WHERE status IN ('queued', 'running')"))
        .isZero();
    assertThat(api.get("/api/trigger/status").json().get("status").asString()).isEqualTo("idle");
  }

  @Test
  void writesAreQueuedForTheBrokerAndReadsWork() {
    Response created =
        api.send(
            "POST",
            "/api/devices",
            "{\"id\": \"ups-1\", \"name\": \"UPS\", \"host\": \"10.0.0.1\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(api.get("/api/devices/ups-1").status()).isEqualTo(200);
    // The queued record itself is not asserted: another api context of this test JVM (with a
    // broker) shares the database and may relay it at any moment, which is the design.
    assertThat(api.get("/api/config").status()).isEqualTo(200);
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
