package dev.argus.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.RunningApiTest;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import tools.jackson.databind.JsonNode;

/** Routing errors and the OpenAPI documents, over real HTTP. */
class WebContractIT extends RunningApiTest {

  @Test
  void unknownRouteIs404Json() throws Exception {
    Response response = api.get("/api/nothing-here");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).startsWith("application/json");
    JSONAssert.assertEquals(
        "{\"detail\": \"Not found: GET /api/nothing-here\"}", response.body(), true);
  }

  @Test
  void wrongMethodIs405JsonWithAllow() throws Exception {
    Response response = api.send("PUT", "/api/health");

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.allow()).isEqualTo("GET");
    JSONAssert.assertEquals(
        "{\"detail\": \"Method PUT is not allowed here; use GET\"}", response.body(), true);
  }

  @Test
  void openApiDescribesTheEndpointsWithTheWireNames() {
    // When
    Response response = api.get("/openapi.json");

    // Then
    assertThat(response.status()).isEqualTo(200);
    JsonNode spec = response.json();
    assertThat(spec.get("info").get("title").asString()).isEqualTo("Argus API");
    assertThat(spec.get("paths").propertyNames())
        .contains(
            "/api/health",
            "/api/snapshots",
            "/api/snapshots/latest",
            "/api/events",
            "/api/devices",
            "/api/devices/{device_id}")
        .doesNotContain("/error");
    JsonNode schemas = spec.get("components").get("schemas");
    assertThat(schemas.get("Snapshot").get("properties").propertyNames())
        .contains("device_id", "power_watts", "temperature_c")
        .doesNotContain("deviceId");
    assertThat(schemas.get("Device").get("properties").propertyNames())
        .contains("connection_config", "last_seen");
    assertThat(spec.get("paths").get("/api/events").get("get").get("parameters").toString())
        .contains("page_size", "event_type", "device_id");
  }

  @Test
  void swaggerUiIsServedAtDocs() {
    Response response = api.get("/docs");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("text/html");
    assertThat(response.body()).containsIgnoringCase("swagger");
  }

  @Test
  void swaggerUiLoadsTheSpecFromOpenapiJson() {
    Response config = api.get("/openapi.json/swagger-config");

    assertThat(config.status()).isEqualTo(200);
    assertThat(config.json().get("url").asString()).isEqualTo("/openapi.json");
  }
}
