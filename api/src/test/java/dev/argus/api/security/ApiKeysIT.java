package dev.argus.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.RunningApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The API-key system over HTTP, with a bootstrap admin key set, against a real PostgreSQL. */
@TestPropertySource(
    properties = {
      "argus.security.api-key=" + ApiKeysIT.BOOTSTRAP,
      "argus.security.failed-auth-limit-per-minute=10"
    })
class ApiKeysIT extends RunningApiTest {

  static final String BOOTSTRAP = "bootstrap-admin-key-0123456789abcdef";

  @Test
  void managingKeysNeedsAnAdminKeyWithTheSeedsErrors() {
    Response missing = api.send("GET", "/api/v1/api-keys", null);
    Response wrong = api.send("GET", "/api/v1/api-keys", null, "x-api-key", "not-a-key");

    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.body()).isEqualTo("{\"detail\":\"Missing API key in x-api-key header\"}");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body()).isEqualTo("{\"detail\":\"Invalid or disabled API key\"}");
  }

  @Test
  void aCreatedKeyIsShownOnceStoredOnlyAsAHashAndWorksInAnyHeaderCase() {
    // When
    Response created = create("{\"name\": \"relay\", \"scopes\": [\"admin\"]}");

    // Then
    assertThat(created.status()).isEqualTo(201);
    JsonNode body = created.json();
    String key = body.path("key").asString();
    assertThat(key).startsWith("argus_").hasSizeGreaterThan(40);
    assertThat(body.path("prefix").asString()).isEqualTo(key.substring(0, 12));
    assertThat(body.path("status").asString()).isEqualTo("active");
    assertThat(rows.count("SELECT count(*) FROM api_keys WHERE key_hash = '" + key + "'")).isZero();
    assertThat(
            rows.count(
                "SELECT count(*) FROM api_keys WHERE position('"
                    + key.substring(12)
                    + "' in key_hash || name || prefix) > 0"))
        .isZero();

    Response listed = api.send("GET", "/api/v1/api-keys", null, "X-API-KEY", key);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.body()).doesNotContain(key).doesNotContain("key_hash");
  }

  @Test
  void aKeyWithoutTheScopeIsForbiddenAndADisabledOrRevokedKeyIsRefused() {
    String reader =
        create("{\"name\": \"ha\", \"scopes\": [\"read:events\"]}").json().path("key").asString();
    String id = idOf(reader);

    assertThat(api.send("GET", "/api/v1/api-keys", null, "x-api-key", reader).status())
        .isEqualTo(403);

    Response disabled =
        api.send("PATCH", "/api/v1/api-keys/" + id, "{\"enabled\": false}", "x-api-key", BOOTSTRAP);
    assertThat(disabled.json().path("status").asString()).isEqualTo("disabled");
    assertThat(api.send("GET", "/api/v1/api-keys", null, "x-api-key", reader).body())
        .contains("Invalid or disabled API key");

    Response revoked = api.send("DELETE", "/api/v1/api-keys/" + id, null, "x-api-key", BOOTSTRAP);
    assertThat(revoked.json().path("status").asString()).isEqualTo("revoked");
    assertThat(
            api.send(
                    "PATCH",
                    "/api/v1/api-keys/" + id,
                    "{\"enabled\": true}",
                    "x-api-key",
                    BOOTSTRAP)
                .status())
        .isEqualTo(409);
  }

  @Test
  void aKeysOwnRateLimitAnswers429WithRetryAfterAndRateLimitHeaders() {
    String key =
        create("{\"name\": \"tight\", \"scopes\": [\"admin\"], \"rate_limit_per_minute\": 3}")
            .json()
            .path("key")
            .asString();

    for (int i = 0; i < 3; i++) {
      Response ok = api.send("GET", "/api/v1/api-keys", null, "x-api-key", key);
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.header("X-RateLimit-Limit")).isEqualTo("3");
      assertThat(ok.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(2 - i));
    }
    Response limited = api.send("GET", "/api/v1/api-keys", null, "x-api-key", key);

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.body())
        .matches("\\{\"detail\":\"Rate limit exceeded\\. Try again in \\d+ seconds\\.\"}");
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
    assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");

    JsonNode usage =
        api.send("GET", "/api/v1/api-keys/" + idOf(key) + "/usage", null, "x-api-key", BOOTSTRAP)
            .json();
    assertThat(usage.path("usage_count").asLong()).isEqualTo(3);
    assertThat(usage.path("last_ip").asString()).isEqualTo("127.0.0.1");
  }

  @Test
  void tenFailedAuthenticationsFromOneAddressAre429UntilTheMinutePasses() {
    rows.execute("DELETE FROM rate_limit_hits WHERE bucket LIKE 'auth-fail:%'");
    for (int i = 0; i < 10; i++) {
      assertThat(api.send("GET", "/api/v1/api-keys", null, "x-api-key", "wrong-" + i).status())
          .isEqualTo(401);
    }

    Response blocked = api.send("GET", "/api/v1/api-keys", null, "x-api-key", BOOTSTRAP);

    assertThat(blocked.status()).isEqualTo(429);
    assertThat(blocked.body())
        .matches(
            "\\{\"detail\":\"Too many failed authentication attempts\\. Try again in \\d+"
                + " seconds\\.\"}");
    assertThat(blocked.header("Retry-After")).isNotNull();
    rows.execute("DELETE FROM rate_limit_hits WHERE bucket LIKE 'auth-fail:%'");
  }

  @Test
  void writesToThePowerApiNeedAKeyWhileReadsStayPublic() {
    assertThat(api.send("POST", "/api/trigger", null).status()).isEqualTo(401);
    assertThat(api.get("/api/devices").status()).isEqualTo(200);
  }

  @Test
  void badKeyRequestsAreRejectedWithAClearDetail() {
    Response unknownScope = create("{\"name\": \"x\", \"scopes\": [\"read:everything\"]}");
    Response noScopes = create("{\"name\": \"x\", \"scopes\": []}");
    Response past =
        create(
            "{\"name\": \"x\", \"scopes\": [\"admin\"], \"expires_at\": \"2020-01-01T00:00:00Z\"}");

    assertThat(unknownScope.status()).isEqualTo(422);
    assertThat(unknownScope.body()).contains("unknown scope(s) 'read:everything'");
    assertThat(noScopes.status()).isEqualTo(422);
    assertThat(past.status()).isEqualTo(422);
    assertThat(past.body()).contains("expires_at must be in the future");
  }

  @Test
  void bodiesOverOneMegabyteAre413WithOrWithoutContentLength() throws Exception {
    String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\", \"scopes\": [\"admin\"]}";
    Response declared = create(huge);

    var chunked =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port() + "/api/v1/api-keys"))
            .header("Content-Type", "application/json")
            .header("x-api-key", BOOTSTRAP)
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                    () ->
                        new java.io.ByteArrayInputStream(
                            huge.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
            .build();
    var streamed =
        java.net.http.HttpClient.newHttpClient()
            .send(chunked, java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(declared.status()).isEqualTo(413);
    assertThat(declared.body()).isEqualTo("{\"detail\":\"Request body exceeds 1 MB\"}");
    assertThat(streamed.statusCode()).isEqualTo(413);
    assertThat(streamed.body()).contains("Request body exceeds 1 MB");
  }

  @Test
  void malformedJsonIs400() {
    Response malformed = create("{\"name\": ");

    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body()).contains("Malformed JSON");
  }

  private Response create(String json) {
    return api.send("POST", "/api/v1/api-keys", json, "x-api-key", BOOTSTRAP);
  }

  private String idOf(String key) {
    for (JsonNode k : api.send("GET", "/api/v1/api-keys", null, "x-api-key", BOOTSTRAP).json()) {
      if (k.path("prefix").asString().equals(key.substring(0, 12))) {
        return k.path("id").asString();
      }
    }
    throw new AssertionError("key not listed");
  }
}
