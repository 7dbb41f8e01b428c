package dev.argus.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import dev.argus.api.RunningApiTest;
import dev.argus.contract.testing.OpenApiContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The document at {@code /openapi.json}: every operation declares the answers the layers around the
 * controllers may give, protected ones the key's answers, and the check that every other IT runs on
 * every answer ({@link OpenApiContract}, through {@code ApiHttp}) really rejects an answer the
 * document does not describe, so it cannot pass everything silently.
 */
class OpenApiDocumentIT extends RunningApiTest {

  private static final Map<String, List<String>> JSON =
      Map.of("Content-Type", List.of("application/json"));
  private static final String SNAPSHOT =
      """
      {"id": 7, "timestamp": "2026-05-27T10:00:00Z", "device_id": "ups-main",
       "device_type": "ups", "power_watts": 120.5, "load_percent": null, "voltage": null,
       "battery_percent": null, "runtime_seconds": null, "ups_status": null,
       "temperature_c": null, "output_voltage": null, "input_frequency": null,
       "output_current": null}
      """;

  @Test
  void everyOperationDeclaresItsSuccessAndTheCommonErrors() {
    // When
    JsonNode document = api.get("/openapi.json").json();

    // Then
    List<String> operations = new ArrayList<>();
    document
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation -> {
                          operations.add(operation.getKey() + " " + path.getKey());
                          JsonNode responses = operation.getValue().get("responses");
                          assertThat(responses.propertyNames())
                              .as(operation.getKey() + " " + path.getKey())
                              .contains("400", "413", "422", "500", "503")
                              .anyMatch(status -> status.startsWith("2"));
                          // The camera seed's routes answer errors with status_code as well.
                          assertThat(errorSchema(responses.get("422")))
                              .isEqualTo(
                                  StatusCodePaths.carriesStatusCode(path.getKey())
                                      ? "ErrorBodyWithStatusCode"
                                      : "ErrorBody");
                        }));
    assertThat(operations).contains("get /api/snapshots", "post /api/v1/targets", "get /metrics");
    assertThat(document.at("/components/schemas/ErrorBody/required").toString())
        .isEqualTo("[\"detail\"]");
  }

  @Test
  void protectedOperationsNeedAKeyAndDeclareItsAnswers() {
    // When
    JsonNode paths = api.get("/openapi.json").json().get("paths");

    // Then: /api/v1 and the power API's writes need a key (or a signed-in person's session); its
    // reads, health and metrics do not
    for (JsonNode operation :
        List.of(
            paths.at("/~1api~1devices/post"),
            paths.at("/~1api~1trigger/post"),
            paths.at("/~1api~1v1~1targets/get"),
            paths.at("/~1api~1v1~1alert-status/get"))) {
      assertThat(operation.get("security").toString())
          .isEqualTo("[{\"api_key\":[]},{\"session\":[]}]");
      assertThat(operation.get("responses").propertyNames()).contains("401", "403", "429");
      assertThat(operation.at("/responses/429/headers/Retry-After/required").asBoolean()).isTrue();
      assertThat(operation.at("/responses/429/headers").propertyNames())
          .contains("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset");
    }
    for (JsonNode operation :
        List.of(
            paths.at("/~1api~1devices/get"),
            paths.at("/~1api~1health/get"),
            paths.at("/~1metrics/get"))) {
      assertThat(operation.has("security")).isFalse();
      assertThat(operation.get("responses").propertyNames()).doesNotContain("401", "403", "429");
    }
  }

  @Test
  void nullableFieldsAreDeclaredAndEveryResponseFieldIsRequired() {
    // When
    JsonNode snapshot = api.get("/openapi.json").json().at("/components/schemas/Snapshot");

    // Then
    assertThat(snapshot.at("/properties/temperature_c/type").toString())
        .isEqualTo("[\"number\",\"null\"]");
    assertThat(snapshot.at("/properties/device_id/type").asString()).isEqualTo("string");
    assertThat(snapshot.get("required").toString()).contains("\"device_id\"", "\"temperature_c\"");
  }

  @Test
  void theCheckAcceptsAnAnswerTheDocumentDescribes() {
    // Given
    OpenApiContract contract = contract();

    // When
    ValidationReport snapshot = contract.check("GET", "/api/snapshots/latest", 200, JSON, SNAPSHOT);
    ValidationReport undocumentedRoute =
        contract.check("GET", "/api/v1;x/api-keys", 418, JSON, "not json");

    // Then
    assertThat(snapshot.getMessages()).isEmpty();
    assertThat(undocumentedRoute.hasErrors()).isFalse();
  }

  @Test
  void theCheckRejectsAnUndeclaredStatus() {
    // When
    ValidationReport report =
        contract().check("GET", "/api/snapshots", 418, JSON, "{\"detail\": \"I'm a teapot\"}");

    // Then
    assertThat(keys(report)).contains("validation.response.status.unknown");
  }

  @Test
  void theCheckRejectsABodyThatDoesNotMatchItsSchema() {
    // Given
    OpenApiContract contract = contract();

    // When: a required field left out, a null where none is declared, a string for a number,
    // a field the schema does not have, an error without its detail
    ValidationReport missing =
        contract.check(
            "GET",
            "/api/snapshots/latest",
            200,
            JSON,
            SNAPSHOT.replace("\"device_id\": \"ups-main\",", ""));
    ValidationReport unexpectedNull =
        contract.check(
            "GET", "/api/snapshots/latest", 200, JSON, SNAPSHOT.replace("\"ups\"", "null"));
    ValidationReport wrongType =
        contract.check(
            "GET", "/api/snapshots/latest", 200, JSON, SNAPSHOT.replace("120.5", "\"120.5\""));
    ValidationReport undeclaredField =
        contract.check(
            "GET", "/api/snapshots/latest", 200, JSON, SNAPSHOT.replace("{", "{\"extra\": 1,"));
    ValidationReport errorWithoutDetail =
        contract.check("GET", "/api/snapshots/latest", 404, JSON, "{\"message\": \"gone\"}");

    // Then
    assertThat(missing.hasErrors()).as("missing device_id").isTrue();
    assertThat(unexpectedNull.hasErrors()).as("null device_type").isTrue();
    assertThat(wrongType.hasErrors()).as("power_watts as a string").isTrue();
    assertThat(undeclaredField.hasErrors()).as("a field the schema does not have").isTrue();
    assertThat(errorWithoutDetail.hasErrors()).as("error body without detail").isTrue();
    assertThat(keys(missing)).allMatch(key -> key.startsWith("validation.response.body"));
  }

  private OpenApiContract contract() {
    return OpenApiContract.at("http://127.0.0.1:" + port());
  }

  private static String errorSchema(JsonNode response) {
    String ref = response.at("/content/application~1json/schema/$ref").asString();
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private static List<String> keys(ValidationReport report) {
    return report.getMessages().stream().map(ValidationReport.Message::getKey).toList();
  }
}
