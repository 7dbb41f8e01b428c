package dev.argus.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * The spellings reported to get past the key check (issue: "Authentication can be skipped by
 * spelling the path differently"), sent byte for byte: each is refused and changes nothing.
 */
class PathSpellingIT extends SecuredApiTest {

  private static final String NEW_ADMIN_KEY = "{\"name\": \"x\", \"scopes\": [\"admin\"]}";
  private static final String RENAME =
      "{\"name\": \"renamed\", \"type\": \"ping\", \"address\": \"10.0.0.9\"}";

  @Test
  void aPathParameterAfterTheCollectionDoesNotCreateAKey() {
    // When
    RawHttp.Response withoutKey = raw.send("POST", "/api/v1/api-keys;x", null, NEW_ADMIN_KEY);
    RawHttp.Response withKey = raw.send("POST", "/api/v1/api-keys;x", BOOTSTRAP, NEW_ADMIN_KEY);

    // Then: the firewall answers before anything else runs
    for (RawHttp.Response response : new RawHttp.Response[] {withoutKey, withKey}) {
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.header("Content-Type")).startsWith("application/json");
      assertThat(response.json().path("detail").asString())
          .contains("rejected", "\";\"", "Send the path plainly");
    }
    assertThat(rows.count("SELECT count(*) FROM api_keys")).isZero();
  }

  @Test
  void keysAreNotListedUnderAnyOtherSpelling() {
    created("/api/v1/api-keys", "{\"name\": \"existing\", \"scopes\": [\"read:targets\"]}");

    for (String path :
        new String[] {
          "/api/v1/api-keys;x",
          "/api/v1;x/api-keys",
          "/api/v1/%61pi-keys",
          "/api/v1/api-keys/",
          "/API/V1/API-KEYS",
          "/api//v1/api-keys",
          "/api/./v1/api-keys",
          "/api/x/../v1/api-keys",
          "/api/v1/%2e/api-keys"
        }) {
      for (String key : new String[] {null, WRONG_KEY}) {
        RawHttp.Response response = raw.send("GET", path, key, null);

        assertThat(response.status()).as("GET %s with key %s", path, key).isIn(400, 401);
        assertThat(response.body()).doesNotContain("existing");
      }
    }
  }

  @Test
  void targetsAndAlertStatusAreNotReachableUnderOtherSpellings() {
    long id =
        created(
                "/api/v1/targets",
                "{\"name\": \"kept\", \"type\": \"ping\", \"address\": \"10.0.0.1\"}")
            .json()
            .path("id")
            .asLong();
    assertThat(id).isEqualTo(1);

    for (String path :
        new String[] {
          "/api/v1/targets;x",
          "/api/v1;x/targets",
          "/api/v1/%74argets",
          "/api/v1/alert-status;x",
          "/api/v1;x/alert-status",
          "/api/v1/%61lert-status"
        }) {
      assertThat(raw.send("GET", path, null, null).status()).as("GET %s", path).isIn(400, 401);
    }
    RawHttp.Response create =
        raw.send(
            "POST",
            "/api/v1/targets;x",
            null,
            "{\"name\": \"intruder\", \"type\": \"ping\"," + " \"address\": \"10.0.0.2\"}");

    assertThat(create.status()).isEqualTo(400);
    assertThat(rows.count("SELECT count(*) FROM targets")).isEqualTo(1);
  }

  @Test
  void otherSpellingsOfATargetIdNeverActOnTheTarget() {
    created(
        "/api/v1/targets", "{\"name\": \"kept\", \"type\": \"ping\", \"address\": \"10.0.0.1\"}");

    // A semicolon is refused by the firewall, whatever the key
    for (String key : new String[] {null, WRONG_KEY, BOOTSTRAP}) {
      assertThat(raw.send("PUT", "/api/v1/targets/1;DROP", key, RENAME).status()).isEqualTo(400);
      assertThat(raw.send("DELETE", "/api/v1/targets/1;DROP", key, null).status()).isEqualTo(400);
    }
    // Hex and padded ids: 401 without a key, 422 naming the parameter with one
    for (String id : new String[] {"0x1", "1%20", "%201", "+1", "01x"}) {
      assertThat(raw.send("PUT", "/api/v1/targets/" + id, null, RENAME).status()).isEqualTo(401);
      assertThat(raw.send("DELETE", "/api/v1/targets/" + id, WRONG_KEY, null).status())
          .isEqualTo(401);

      RawHttp.Response put = raw.send("PUT", "/api/v1/targets/" + id, BOOTSTRAP, RENAME);
      RawHttp.Response delete = raw.send("DELETE", "/api/v1/targets/" + id, BOOTSTRAP, null);

      for (RawHttp.Response response : new RawHttp.Response[] {put, delete}) {
        assertThat(response.status()).as("%s: %s", id, response.body()).isEqualTo(422);
        assertThat(response.json().path("detail").asString()).startsWith("id must be an integer");
      }
    }

    Response target = admin("GET", "/api/v1/targets/1", null);
    assertThat(target.status()).isEqualTo(200);
    assertThat(target.json().path("name").asString()).isEqualTo("kept");
    assertThat(target.json().path("address").asString()).isEqualTo("10.0.0.1");
  }

  @Test
  void integerQueryParametersAcceptDecimalDigitsOnly() {
    Response hex = admin("GET", "/api/v1/targets?page=0x10", null);
    Response padded = api.get("/api/snapshots?page_size=%2010");
    Response plain = api.get("/api/snapshots?page=2&page_size=10");

    assertThat(hex.status()).isEqualTo(422);
    assertThat(hex.json().path("detail").asString())
        .isEqualTo("page must be an integer, got '0x10'");
    assertThat(padded.status()).isEqualTo(422);
    assertThat(padded.json().path("detail").asString())
        .isEqualTo("page_size must be an integer, got ' 10'");
    assertThat(plain.status()).isEqualTo(200);
    assertThat(plain.json().path("page").asInt()).isEqualTo(2);
  }

  @Test
  void unknownPathsNeedAKeyAndThenAre404() {
    RawHttp.Response withoutKey = raw.send("GET", "/api/v1/not-here", null, null);
    RawHttp.Response withKey = raw.send("GET", "/api/v1/not-here", BOOTSTRAP, null);
    RawHttp.Response outsideApi = raw.send("GET", "/internal", null, null);

    assertThat(withoutKey.status()).isEqualTo(401);
    assertThat(withKey.status()).isEqualTo(404);
    assertThat(withKey.json().path("detail").asString())
        .isEqualTo("Not found: GET /api/v1/not-here");
    assertThat(outsideApi.status()).isEqualTo(401);
  }

  @Test
  void theDocumentsHealthAndMetricsStayPublic() {
    assertThat(api.get("/api/health").status()).isEqualTo(200);
    assertThat(api.get("/openapi.json").status()).isEqualTo(200);
    assertThat(api.get("/docs").status()).isEqualTo(200);
    assertThat(api.get("/swagger-ui/swagger-ui.css").status()).isEqualTo(200);
    assertThat(raw.send("HEAD", "/api/health", null, null).status()).isEqualTo(200);
    assertThat(api.get("/metrics").status()).isNotEqualTo(401);
    assertThat(raw.send("POST", "/metrics", null, null).status()).isEqualTo(401);
  }
}
