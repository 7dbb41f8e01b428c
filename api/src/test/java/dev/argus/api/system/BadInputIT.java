package dev.argus.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Text the database cannot store and JSON of the wrong type, over real HTTP: every one is a 422
 * naming the field, never a 500, and nothing is written.
 */
class BadInputIT extends BadInputApiTest {

  /** An escaped NUL inside a JSON string (the Java text holds backslash-u-0-0-0-0). */
  private static final String NUL = "\\u0000";

  @BeforeEach
  void emptyConfiguration() {
    rows.execute("TRUNCATE targets, devices, config_outbox, api_keys RESTART IDENTITY CASCADE");
  }

  @Test
  void aNulInAnyQueryParameterIs422NamingIt() {
    assertDetail(
        api.get("/api/snapshots?device_id=%00"), 422, "device_id: must not contain NUL characters");
    assertDetail(
        api.get("/api/snapshots/latest?device_id=ups%00"),
        422,
        "device_id: must not contain NUL characters");
    assertDetail(
        api.get("/api/events?event_type=%00"), 422, "event_type: must not contain NUL characters");
    assertDetail(
        api.get("/api/events?device_id=a%00b"), 422, "device_id: must not contain NUL characters");
    // The energy routes are 404 while the energy exporter is off; the query is refused first.
    assertDetail(
        api.get("/api/energy?device_id=%00"), 422, "device_id: must not contain NUL characters");
    assertDetail(
        api.get("/api/energy/daily?device_id=%00"),
        422,
        "device_id: must not contain NUL characters");
    assertDetail(
        admin("GET", "/api/v1/targets?site=%00", null),
        422,
        "site: must not contain NUL characters");
    assertDetail(
        api.get("/api/events?a%00b=1"),
        422,
        "query parameter name: must not contain NUL characters");
  }

  @Test
  void aQueryThatIsNotUtf8OrNotPercentEncodedIs422NamingIt() {
    assertDetail(api.get("/api/events?event_type=%FF%FE"), 422, "event_type: is not valid UTF-8");
    assertDetail(
        api.get("/api/events?%FF=1"), 422, "query parameter name '%FF' is not valid UTF-8");
    assertDetail(
        api.get("/api/events?=1"), 422, "query string: '=1' has no parameter name; use name=value");
  }

  @Test
  void moreQueryParametersThanTheLimitIs400() {
    String query = "device_id=a" + "&device_id=a".repeat(100);

    assertDetail(
        api.get("/api/events?" + query),
        400,
        "The query parameters cannot be parsed (too many, or malformed); send well-formed"
            + " name=value pairs");
  }

  @Test
  void validUtf8AndSpacesInAQueryStillWork() {
    Response response = api.get("/api/events?device_id=%C3%A9t%C3%A9+1&event_type=on_battery");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  @Test
  void aNulInAJsonStringIs422NamingItsPathAndNothingIsWritten() {
    assertDetail(
        admin(
            "POST",
            "/api/v1/targets",
            "{\"name\": \"web" + NUL + "\", \"type\": \"ping\", \"address\": \"router\"}"),
        422,
        "name: must not contain NUL characters");
    assertDetail(
        admin("POST", "/api/v1/api-keys", "{\"name\": \"" + NUL + "\", \"scopes\": [\"admin\"]}"),
        422,
        "name: must not contain NUL characters");
    assertDetail(
        admin(
            "POST",
            "/api/v1/api-keys",
            "{\"name\": \"relay\", \"scopes\": [\"admin" + NUL + "\"]}"),
        422,
        "scopes[0]: must not contain NUL characters");
    assertDetail(
        admin(
            "POST",
            "/api/devices",
            "{\"id\": \"ups-1\", \"name\": \"UPS" + NUL + "\", \"host\": \"nut\"}"),
        422,
        "name: must not contain NUL characters");
    assertDetail(
        admin(
            "POST",
            "/api/devices",
            "{\"id\": \"pdu-1\", \"name\": \"PDU\", \"host\": \"pdu\", \"poller\": \"snmp\","
                + " \"connection_config\": {\"snmp\": {\"community\": \"pub"
                + NUL
                + "lic\"}}}"),
        422,
        "connection_config.snmp.community: must not contain NUL characters");
    assertDetail(
        admin(
            "POST",
            "/api/devices",
            "{\"id\": \"pdu-1\", \"name\": \"PDU\", \"host\": \"pdu\","
                + " \"connection_config\": {\"oids\": [\"1.3\", \""
                + NUL
                + "\"]}}"),
        422,
        "connection_config.oids[1]: must not contain NUL characters");
    assertDetail(
        admin(
            "POST",
            "/api/devices",
            "{\"id\": \"pdu-1\", \"name\": \"PDU\", \"host\": \"pdu\","
                + " \"connection_config\": {\"key"
                + NUL
                + "\": 1}}"),
        422,
        "connection_config: property names must not contain NUL characters");
    assertDetail(
        admin(
            "PUT",
            "/api/devices",
            "[{\"id\": \"ups-1\", \"name\": \"UPS\", \"host\": \"h" + NUL + "\"}]"),
        422,
        "[0].host: must not contain NUL characters");
    assertDetail(
        admin("PUT", "/api/config", "{\"nut_host\": \"nut" + NUL + "\"}"),
        422,
        "nut_host: must not contain NUL characters");

    assertThat(rows.count("SELECT count(*) FROM targets")).isZero();
    assertThat(rows.count("SELECT count(*) FROM devices")).isZero();
    assertThat(rows.count("SELECT count(*) FROM api_keys")).isZero();
    assertThat(rows.count("SELECT count(*) FROM config_outbox")).isZero();
  }

  @Test
  void aValueOfTheWrongJsonTypeIs422NamingTheFieldAndWhatItMustBe() {
    assertDetail(
        admin(
            "POST",
            "/api/v1/api-keys",
            "{\"name\": \"relay\", \"scopes\": [\"admin\"], \"expires_at\": \"notadate\"}"),
        422,
        "expires_at: must be a date-time like 2026-05-27T12:00:00Z");
    assertDetail(
        admin(
            "POST",
            "/api/v1/targets",
            "{\"name\": \"r\", \"type\": \"ping\", \"address\": \"router\", \"enabled\": \"yes\"}"),
        422,
        "enabled: must be true or false");
    assertDetail(
        admin(
            "POST",
            "/api/v1/targets",
            "{\"name\": \"r\", \"type\": \"ping\", \"address\": \"router\","
                + " \"check_interval_seconds\": 99999999999}"),
        422,
        "check_interval_seconds: must be an integer from -2147483648 to 2147483647");
    assertDetail(
        admin(
            "POST",
            "/api/v1/targets",
            "{\"name\": 7, \"type\": \"ping\", \"address\": \"router\"}"),
        422,
        "name: must be a string");
    assertDetail(
        admin(
            "POST",
            "/api/devices",
            "{\"id\": \"ups-1\", \"name\": \"UPS\", \"host\": \"nut\", \"port\": \"3493\"}"),
        422,
        "port: must be an integer");
    assertDetail(
        admin(
            "POST",
            "/api/devices",
            "{\"id\": \"ups-1\", \"name\": \"UPS\", \"host\": \"nut\", \"connection_config\":"
                + " \"x\"}"),
        422,
        "connection_config: must be an object");

    assertThat(rows.count("SELECT count(*) FROM targets")).isZero();
    assertThat(rows.count("SELECT count(*) FROM devices")).isZero();
  }

  @Test
  void looseValuesAreNotCoercedIntoTheDeclaredType() {
    // "false" is not false, 10.5 is not 10, and "" is not null.
    String id =
        admin("POST", "/api/v1/api-keys", "{\"name\": \"relay\", \"scopes\": [\"admin\"]}")
            .json()
            .path("id")
            .asString();

    assertDetail(
        admin("PATCH", "/api/v1/api-keys/" + id, "{\"enabled\": \"false\"}"),
        422,
        "enabled: must be true or false");
    assertDetail(
        admin("PATCH", "/api/v1/api-keys/" + id, "{\"enabled\": 0}"),
        422,
        "enabled: must be true or false");
    assertDetail(
        admin(
            "POST",
            "/api/v1/targets",
            "{\"name\": \"r\", \"type\": \"ping\", \"address\": \"router\","
                + " \"check_interval_seconds\": 10.5}"),
        422,
        "check_interval_seconds: must be an integer");
    assertDetail(
        admin(
            "POST",
            "/api/v1/targets",
            "{\"name\": \"r\", \"type\": \"ping\", \"address\": \"router\", \"failure_threshold\":"
                + " \"\"}"),
        422,
        "failure_threshold: must be an integer");
    assertThat(rows.count("SELECT count(*) FROM api_keys WHERE enabled")).isEqualTo(1);
    assertThat(rows.count("SELECT count(*) FROM targets")).isZero();
  }

  @Test
  void aPatchOfTheWrongTypeNamesTheField() {
    long id =
        admin(
                "POST",
                "/api/v1/targets",
                "{\"name\": \"r\", \"type\": \"ping\", \"address\": \"router\"}")
            .json()
            .path("id")
            .asLong();

    assertDetail(
        admin("PATCH", "/api/v1/targets/" + id, "{\"enabled\": \"no\"}"),
        422,
        "enabled: must be true or false");
    assertDetail(
        admin("PATCH", "/api/v1/targets/" + id, "{\"timeout_seconds\": 1.5}"),
        422,
        "timeout_seconds: must be an integer");
    assertThat(
            rows.count(
                "SELECT count(*) FROM targets WHERE enabled AND (options->>'timeout_seconds')::int"
                    + " = 10"))
        .isEqualTo(1);
  }

  @Test
  void malformedJsonIsStill400() {
    assertDetail(
        admin("POST", "/api/v1/targets", "{\"name\": "),
        400,
        "Malformed JSON request body; send a valid JSON document");
  }

  private Response admin(String method, String path, String json) {
    return api.send(method, path, json, "x-api-key", KEY);
  }

  static void assertDetail(Response response, int status, String detail) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/json");
    assertThat(response.json().propertyNames()).containsExactly("detail");
    assertThat(response.json().path("detail").asString()).isEqualTo(detail);
  }
}
