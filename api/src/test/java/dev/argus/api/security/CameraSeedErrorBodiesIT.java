package dev.argus.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.RawHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The camera seed's error body {@code {"detail", "status_code"}} on its routes (cameras, events,
 * AI, system, Protect) from every layer that writes one: controllers, the exception handler, the
 * query check, the security chain, the firewall and the container; and the detail-only body,
 * exactly as before, everywhere else. The document declares both, so every answer here is also
 * checked against it.
 */
class CameraSeedErrorBodiesIT extends SecuredApiTest {

  @Test
  void theCameraSeedsRoutesAnswerErrorsWithTheStatusCode() {
    Response unknown = admin("GET", "/api/v1/cameras/00000000-0000-0000-0000-000000000009", null);
    Response wrongMethod = admin("PATCH", "/api/v1/cameras", "{}");
    Response nul = admin("GET", "/api/v1/events?q=%00", null);
    Response noRoute = admin("GET", "/api/v1/protect/nothing-here", null);
    Response noKey = api.send("GET", "/api/v1/system/settings", null);
    Response wrongKey = api.send("GET", "/api/v1/ai/providers", null, "x-api-key", WRONG_KEY);
    RawHttp.Response firewall = raw.send("GET", "/api/v1/cameras;x", BOOTSTRAP, null);
    RawHttp.Response encodedSlash = raw.send("GET", "/api/v1/events/a%2Fb", BOOTSTRAP, null);

    assertStatusCode(unknown.json(), 404, unknown.status());
    assertStatusCode(wrongMethod.json(), 405, wrongMethod.status());
    assertThat(wrongMethod.allow()).isNotBlank();
    assertStatusCode(nul.json(), 422, nul.status());
    assertStatusCode(noRoute.json(), 404, noRoute.status());
    assertThat(noKey.body())
        .isEqualTo("{\"detail\":\"Missing API key in x-api-key header\",\"status_code\":401}");
    assertThat(wrongKey.body())
        .isEqualTo("{\"detail\":\"Invalid or disabled API key\",\"status_code\":401}");
    assertStatusCode(firewall.json(), 400, firewall.status());
    assertStatusCode(encodedSlash.json(), 400, encodedSlash.status());
  }

  @Test
  void everyOtherRouteKeepsTheDetailOnlyBody() {
    Response unknown = admin("GET", "/api/v1/targets/999", null);
    Response nul = admin("GET", "/api/v1/targets?site=%00", null);
    Response noKey = api.send("GET", "/api/v1/targets", null);
    Response power = api.send("GET", "/api/devices/nope", null);
    // A path that only starts like a camera route is not one.
    Response lookalike = admin("GET", "/api/v1/camerasx", null);
    RawHttp.Response firewall = raw.send("GET", "/api/v1/targets;x", BOOTSTRAP, null);

    assertThat(unknown.body()).isEqualTo("{\"detail\":\"Target 999 not found\"}");
    assertThat(nul.status()).isEqualTo(422);
    assertThat(nul.json().has("status_code")).isFalse();
    assertThat(noKey.body()).isEqualTo("{\"detail\":\"Missing API key in x-api-key header\"}");
    assertThat(power.status()).isEqualTo(404);
    assertThat(power.json().has("status_code")).isFalse();
    assertThat(lookalike.status()).isEqualTo(404);
    assertThat(lookalike.json().has("status_code")).isFalse();
    assertThat(firewall.status()).isEqualTo(400);
    assertThat(firewall.json().has("status_code")).isFalse();
  }

  @Test
  void theDocumentDeclaresTheBodyWithTheStatusCodeOnTheCameraSeedsRoutesOnly() {
    JsonNode spec = api.get("/openapi.json").json();

    assertThat(spec.at("/components/schemas/ErrorBodyWithStatusCode/required").toString())
        .isEqualTo("[\"detail\",\"status_code\"]");
    assertThat(
            spec.at(
                    "/paths/~1api~1v1~1cameras~1{id}/get/responses/404/content/application~1json"
                        + "/schema/$ref")
                .asString())
        .endsWith("/ErrorBodyWithStatusCode");
    assertThat(
            spec.at(
                    "/paths/~1api~1v1~1cameras/post/responses/409/content/application~1json"
                        + "/schema/$ref")
                .asString())
        .endsWith("/ErrorBodyWithStatusCode");
    assertThat(
            spec.at(
                    "/paths/~1api~1v1~1targets~1{id}/get/responses/404/content/application~1json"
                        + "/schema/$ref")
                .asString())
        .endsWith("/ErrorBody");
    assertThat(spec.at("/components/schemas/ErrorBody/properties").has("status_code")).isFalse();
  }

  private static void assertStatusCode(JsonNode body, int expected, int status) {
    assertThat(status).as(body.toString()).isEqualTo(expected);
    assertThat(body.path("detail").asString()).isNotBlank();
    assertThat(body.path("status_code").asInt()).as(body.toString()).isEqualTo(expected);
    assertThat(body.size()).isEqualTo(2);
  }
}
