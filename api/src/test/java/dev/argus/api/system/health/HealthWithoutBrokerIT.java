package dev.argus.api.system.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.RunningApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/system/health} of an api whose broker is not there (nothing listens at the
 * default {@code localhost:9092} here): the broker is {@code down} within its timeout, the answer
 * is still 200 {@code degraded}, since the api serves without Kafka. (The settings are those of the
 * access tests, so their application context is shared.)
 */
@TestPropertySource(
    properties = {
      "argus.security.api-key=" + HealthWithoutBrokerIT.BOOTSTRAP,
      "argus.security.rate-limit-per-minute=1000000",
      "argus.security.failed-auth-limit-per-minute=1000000",
      "argus.security.alert-status-rate-limit-per-minute=1000000"
    })
class HealthWithoutBrokerIT extends RunningApiTest {

  static final String BOOTSTRAP = "access-bootstrap-admin-key-0123456789abcdef";

  @Test
  void theBrokerIsDownAndTheRestIsStillReported() {
    Response health = api.send("GET", "/api/v1/system/health", null, "x-api-key", BOOTSTRAP);

    assertThat(health.status()).isEqualTo(200);
    JsonNode body = health.json();
    assertThat(body.path("status").asString()).isEqualTo("degraded");
    JsonNode broker = body.path("components").path("broker");
    assertThat(broker.path("state").asString()).isEqualTo("down");
    assertThat(broker.path("detail").asString()).contains("localhost:9092");
    assertThat(body.path("components").path("database").path("state").asString()).isEqualTo("ok");
  }
}
