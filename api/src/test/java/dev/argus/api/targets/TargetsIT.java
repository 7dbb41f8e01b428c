package dev.argus.api.targets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/targets} over HTTP against a real PostgreSQL, with the outbox rows it appends. */
class TargetsIT extends TargetsApiTest {

  @Test
  void aCreatedTargetTakesTheDefaultsAndIsQueuedForTheConfigTopic() {
    // When
    Response created =
        admin(
            "POST",
            "/api/v1/targets",
            "{\"name\": \"Production Server\", \"type\": \"https\","
                + " \"address\": \"https://example.com/health\", \"site\": \"home\","
                + " \"expected_status_codes\": [200, 204], \"keyword\": \"ok\"}");

    // Then
    assertThat(created.status()).isEqualTo(201);
    JsonNode body = created.json();
    long id = body.path("id").asLong();
    assertThat(body.path("check_interval_seconds").asInt()).isEqualTo(60);
    assertThat(body.path("failure_threshold").asInt()).isEqualTo(3);
    assertThat(body.path("enabled").asBoolean()).isTrue();
    assertThat(body.path("follow_redirects").asBoolean()).isTrue();
    assertThat(body.path("verify_tls").asBoolean()).isTrue();
    assertThat(body.path("timeout_seconds").asInt()).isEqualTo(10);
    assertThat(body.path("expected_status_codes").toString()).isEqualTo("[200,204]");
    assertThat(body.path("current_status").isNull()).isTrue();
    assertThat(outboxRows()).isEqualTo(1);
    assertThat(
            rows.count(
                "SELECT count(*) FROM config_outbox WHERE record_key = 'target/"
                    + id
                    + "'"
                    + " AND record_value->'target'->>'name' = 'Production Server'"
                    + " AND record_value->'target'->>'address' = 'https://example.com/health'"
                    + " AND (record_value->'target'->>'failure_threshold')::int = 3"
                    + " AND record_value->'target'->>'keyword' = 'ok'"))
        .isEqualTo(1);
  }

  @Test
  void invalidTargetsAre422NamingTheProblemAndWriteNothing() {
    assertUnprocessable(
        "{\"name\": \"a\", \"type\": \"http\", \"address\": \"example.com\"}",
        "address of an http target must be an absolute http(s) URL");
    assertUnprocessable(
        "{\"name\": \"a\", \"type\": \"https\", \"address\": \"http://example.com\"}",
        "must be an absolute https URL");
    assertUnprocessable(
        "{\"name\": \"a\", \"type\": \"tcp\", \"address\": \"db.example.com\"}",
        "address of a tcp target must be host:port");
    assertUnprocessable(
        "{\"name\": \"a\", \"type\": \"tcp\", \"address\": \"db:70000\"}",
        "host:port with a port from 1 to 65535");
    assertUnprocessable(
        "{\"name\": \"a\", \"type\": \"ping\", \"address\": \"http://router\"}",
        "address of a ping target must be a host name or IP address");
    assertUnprocessable(
        "{\"name\": \"a\", \"type\": \"dns\", \"address\": \"example.com\", \"dns_record_type\":"
            + " \"SRV\"}",
        "dns_record_type must be one of A, AAAA, CNAME, MX, TXT, NS");
    assertUnprocessable(
        "{\"name\": \"a\", \"type\": \"smtp\", \"address\": \"mail\"}",
        "type must be one of http, https, tcp, ping, dns");
    assertUnprocessable(
        "{\"name\": \" \", \"type\": \"ping\", \"address\": \"router\", \"check_interval_seconds\":"
            + " 5, \"failure_threshold\": 11}",
        "check_interval_seconds must be between 10 and 3600; failure_threshold must be between 1"
            + " and 10; name must not be blank");
    assertThat(rows.count("SELECT count(*) FROM targets")).isZero();
    assertThat(outboxRows()).isZero();
  }

  @Test
  void everyTypeAcceptsItsAddressForm() {
    target(
        "{\"name\": \"web\", \"type\": \"http\", \"address\": \"https://example.com:8443/x?y=1\"}");
    target("{\"name\": \"db\", \"type\": \"tcp\", \"address\": \"db.example.com:5432\"}");
    target("{\"name\": \"v6\", \"type\": \"tcp\", \"address\": \"[::1]:22\"}");
    target("{\"name\": \"router\", \"type\": \"ping\", \"address\": \"192.168.1.1\"}");
    long dns =
        target(
            "{\"name\": \"dns\", \"type\": \"dns\", \"address\": \"example.com\","
                + " \"dns_record_type\": \"mx\", \"dns_expected\": \"mail.example.com\"}");

    JsonNode stored = admin("GET", "/api/v1/targets/" + dns, null).json();
    assertThat(stored.path("dns_record_type").asString()).isEqualTo("MX");
    assertThat(stored.path("follow_redirects").isNull()).isTrue();
  }

  @Test
  void aTargetShowsItsCurrentStatusAndTheListFiltersAndPages() {
    // Given
    long server = httpTarget("Production Server", 3);
    long db =
        target(
            "{\"name\": \"Database\", \"type\": \"tcp\", \"address\": \"db:5432\","
                + " \"site\": \"dc1\"}");
    long off =
        target("{\"name\": \"Old\", \"type\": \"ping\", \"address\": \"old\", \"enabled\": false}");
    down(server, 5);
    up(db);

    // When
    JsonNode one = admin("GET", "/api/v1/targets/" + server, null).json();

    // Then
    JsonNode state = one.path("current_status");
    assertThat(state.path("status").asString()).isEqualTo("down");
    assertThat(state.path("consecutive_failures").asInt()).isEqualTo(5);
    assertThat(state.path("alerting").asBoolean()).isTrue();
    assertThat(state.path("acknowledged").asBoolean()).isFalse();
    assertThat(state.path("last_error").asString()).isEqualTo("connection refused");
    assertThat(state.path("last_checked_at").isString()).isTrue();
    assertThat(ids("/api/v1/targets?status=down")).containsExactly(server);
    assertThat(ids("/api/v1/targets?status=up")).containsExactly(db);
    assertThat(ids("/api/v1/targets?status=unknown")).containsExactly(off);
    assertThat(ids("/api/v1/targets?enabled=false")).containsExactly(off);
    assertThat(ids("/api/v1/targets?site=dc1")).containsExactly(db);
    JsonNode second = admin("GET", "/api/v1/targets?page=2&page_size=2", null).json();
    assertThat(second.path("total").asLong()).isEqualTo(3);
    assertThat(second.path("items").get(0).path("id").asLong()).isEqualTo(off);
    assertThat(admin("GET", "/api/v1/targets?page_size=201", null).status()).isEqualTo(422);
    assertThat(admin("GET", "/api/v1/targets?status=sideways", null).status()).isEqualTo(422);
    assertThat(admin("GET", "/api/v1/targets/999", null).status()).isEqualTo(404);
  }

  @Test
  void putReplacesPatchChangesOnlyTheGivenFieldsAndEachIsQueued() {
    long id =
        target(
            "{\"name\": \"web\", \"type\": \"http\", \"address\": \"http://a/\","
                + " \"check_interval_seconds\": 30, \"keyword\": \"ok\", \"site\": \"home\"}");

    Response patched =
        admin("PATCH", "/api/v1/targets/" + id, "{\"failure_threshold\": 5, \"site\": null}");
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().path("failure_threshold").asInt()).isEqualTo(5);
    assertThat(patched.json().path("check_interval_seconds").asInt()).isEqualTo(30);
    assertThat(patched.json().path("keyword").asString()).isEqualTo("ok");
    assertThat(patched.json().path("site").isNull()).isTrue();

    Response replaced =
        admin(
            "PUT",
            "/api/v1/targets/" + id,
            "{\"name\": \"web\", \"type\": \"tcp\", \"address\": \"a:80\"}");
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.json().path("check_interval_seconds").asInt()).isEqualTo(60);
    assertThat(replaced.json().path("keyword").isNull()).isTrue();

    Response badPatch =
        admin("PATCH", "/api/v1/targets/" + id, "{\"address\": \"not a host:port\"}");
    assertThat(badPatch.status()).isEqualTo(422);
    assertThat(admin("GET", "/api/v1/targets/" + id, null).json().path("address").asString())
        .isEqualTo("a:80");
    assertThat(
            admin(
                    "PUT",
                    "/api/v1/targets/999",
                    "{\"name\": \"x\", \"type\": \"tcp\", \"address\": \"a:80\"}")
                .status())
        .isEqualTo(404);
    assertThat(admin("PATCH", "/api/v1/targets/999", "{}").status()).isEqualTo(404);
    assertThat(outboxRows()).isEqualTo(3);
    assertThat(
            rows.count(
                "SELECT count(*) FROM config_outbox WHERE record_key = 'target/"
                    + id
                    + "' AND record_value->'target'->>'type' = 'tcp'"))
        .isEqualTo(1);
  }

  @Test
  void aTargetIsAssignedToACollectorOnCreateAndUpdateAndThatIsQueued() {
    // When a target is created for collector site-b
    Response created =
        admin(
            "POST",
            "/api/v1/targets",
            "{\"name\": \"nas\", \"type\": \"ping\", \"address\": \"10.2.0.5\","
                + " \"collector_id\": \"site-b\"}");

    // Then it shows and publishes its collector
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().path("id").asLong();
    assertThat(created.json().path("collector_id").asString()).isEqualTo("site-b");
    assertThat(admin("GET", "/api/v1/targets/" + id, null).json().path("collector_id").asString())
        .isEqualTo("site-b");
    assertThat(queuedCollector(id)).containsExactly("site-b");

    // When a PATCH leaves it out, a PUT moves it and a PATCH unassigns it
    Response patched = admin("PATCH", "/api/v1/targets/" + id, "{\"failure_threshold\": 4}");
    assertThat(patched.json().path("collector_id").asString()).isEqualTo("site-b");
    Response moved =
        admin(
            "PUT",
            "/api/v1/targets/" + id,
            "{\"name\": \"nas\", \"type\": \"ping\", \"address\": \"10.2.0.5\","
                + " \"collector_id\": \"site-a:edge_1.x\"}");
    assertThat(moved.json().path("collector_id").asString()).isEqualTo("site-a:edge_1.x");
    Response unassigned = admin("PATCH", "/api/v1/targets/" + id, "{\"collector_id\": null}");

    // Then each change is queued with the collector it names (null: any collector)
    assertThat(unassigned.status()).isEqualTo(200);
    assertThat(unassigned.json().path("collector_id").isNull()).isTrue();
    assertThat(
            rows.count(
                "SELECT count(*) FROM targets WHERE id = " + id + " AND collector_id IS NULL"))
        .isEqualTo(1);
    assertThat(queuedCollector(id)).containsExactly("site-b", "site-b", "site-a:edge_1.x", "null");

    // And a target created without one is unassigned, a blank one counting as none
    long blank =
        target(
            "{\"name\": \"router\", \"type\": \"ping\", \"address\": \"10.0.0.1\","
                + " \"collector_id\": \" \"}");
    assertThat(admin("GET", "/api/v1/targets/" + blank, null).json().path("collector_id").isNull())
        .isTrue();
    assertThat(queuedCollector(blank)).containsExactly("null");
  }

  @Test
  void aBadCollectorIdIs422NamingTheFieldAndChangesNothing() {
    assertUnprocessable(
        "{\"name\": \"a\", \"type\": \"ping\", \"address\": \"router\","
            + " \"collector_id\": \"site b/1\"}",
        "collector_id must be 1-64 letters, digits, '.', '_', ':' or '-', got 'site b/1'");
    assertUnprocessable(
        "{\"name\": \"a\", \"type\": \"ping\", \"address\": \"router\","
            + " \"collector_id\": \""
            + "c".repeat(65)
            + "\"}",
        "collector_id must be 1-64 letters");
    assertThat(rows.count("SELECT count(*) FROM targets")).isZero();

    long id =
        target(
            "{\"name\": \"a\", \"type\": \"ping\", \"address\": \"router\","
                + " \"collector_id\": \"site-a\"}");
    Response badPatch = admin("PATCH", "/api/v1/targets/" + id, "{\"collector_id\": \"-x\"}");
    assertThat(badPatch.status()).isEqualTo(422);
    assertThat(badPatch.json().path("detail").asString())
        .isEqualTo("collector_id must be 1-64 letters, digits, '.', '_', ':' or '-', got '-x'");
    assertThat(admin("GET", "/api/v1/targets/" + id, null).json().path("collector_id").asString())
        .isEqualTo("site-a");
    assertThat(outboxRows()).isEqualTo(1);
  }

  @Test
  void aSecondTargetWithTheSameNameIs409() {
    httpTarget("Production Server", 3);

    Response duplicate =
        admin(
            "POST",
            "/api/v1/targets",
            "{\"name\": \"production server\", \"type\": \"ping\", \"address\": \"srv\"}");

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().path("detail").asString())
        .isEqualTo("A target named 'production server' already exists (id 1)");
    assertThat(outboxRows()).isEqualTo(1);
  }

  @Test
  void deleteIs204ThenQueuesATombstoneAndIs404Again() {
    long id = httpTarget("Production Server", 3);

    Response deleted = admin("DELETE", "/api/v1/targets/" + id, null);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(admin("GET", "/api/v1/targets/" + id, null).status()).isEqualTo(404);
    assertThat(admin("DELETE", "/api/v1/targets/" + id, null).status()).isEqualTo(404);
    assertThat(
            rows.count(
                "SELECT count(*) FROM config_outbox WHERE record_key = 'target/"
                    + id
                    + "' AND record_value IS NULL"))
        .isEqualTo(1);
    assertThat(outboxRows()).isEqualTo(2);
  }

  @Test
  void onlyADownTargetCanBeAcknowledgedAndTheAcknowledgementIsQueued() {
    long id = httpTarget("Production Server", 3);

    Response neverProbed = admin("POST", "/api/v1/targets/" + id + "/acknowledge", null);
    up(id);
    Response healthy = admin("POST", "/api/v1/targets/" + id + "/acknowledge", null);
    down(id, 1);
    Response acknowledged = admin("POST", "/api/v1/targets/" + id + "/acknowledge", null);

    assertThat(neverProbed.status()).isEqualTo(409);
    assertThat(healthy.status()).isEqualTo(409);
    assertThat(healthy.json().path("detail").asString()).contains("is not failing");
    assertThat(acknowledged.status()).isEqualTo(200);
    assertThat(acknowledged.json().path("acknowledged_at").isString()).isTrue();
    assertThat(admin("POST", "/api/v1/targets/999/acknowledge", null).status()).isEqualTo(404);
    assertThat(
            rows.count(
                "SELECT count(*) FROM config_outbox WHERE record_key = 'target/"
                    + id
                    + "' AND record_value->'target'->>'acknowledged_at' IS NOT NULL"))
        .isEqualTo(1);
  }

  @Test
  void resultsAndEventsArePagedNewestFirst() {
    long id = httpTarget("Production Server", 3);
    for (int minute = 0; minute < 5; minute++) {
      rows.execute(
          ("INSERT INTO probe_results (ts, target_id, up, response_time_ms, status_code, error,"
                  + " collector_id) VALUES ('2026-01-01T00:0%d:00Z', %d, %s, 12.5, %s, %s,"
                  + " 'collector-1')")
              .formatted(
                  minute,
                  id,
                  minute < 3,
                  minute < 3 ? "200" : "NULL",
                  minute < 3 ? "NULL" : "'timeout'"));
    }
    rows.execute(
        ("INSERT INTO target_events (event_id, ts, target_id, event_type, severity, metadata)"
                + " VALUES (gen_random_uuid(), '2026-01-01T00:04:00Z', %d, 'threshold_reached',"
                + " 'high', '{\"failures\": 3}'), (gen_random_uuid(), '2026-01-01T00:09:00Z', %d,"
                + " 'recovered', 'low', '{}')")
            .formatted(id, id));

    JsonNode results = admin("GET", "/api/v1/targets/" + id + "/results?page_size=2", null).json();
    JsonNode events = admin("GET", "/api/v1/targets/" + id + "/events", null).json();

    assertThat(results.path("total").asLong()).isEqualTo(5);
    assertThat(results.path("items")).hasSize(2);
    JsonNode newest = results.path("items").get(0);
    assertThat(newest.path("timestamp").asString()).isEqualTo("2026-01-01T00:04:00Z");
    assertThat(newest.path("up").asBoolean()).isFalse();
    assertThat(newest.path("error").asString()).isEqualTo("timeout");
    assertThat(events.path("total").asLong()).isEqualTo(2);
    assertThat(events.path("items").get(0).path("event_type").asString()).isEqualTo("recovered");
    assertThat(events.path("items").get(1).path("metadata").path("failures").asInt()).isEqualTo(3);
    assertThat(admin("GET", "/api/v1/targets/999/results", null).status()).isEqualTo(404);
    assertThat(admin("GET", "/api/v1/targets/999/events", null).status()).isEqualTo(404);
  }

  @Test
  void readsNeedReadTargetsAndWritesNeedWriteTargets() {
    long id = httpTarget("Production Server", 3);
    String reader = newKey("\"read:targets\"");
    String writer = newKey("\"write:targets\"");
    String body = "{\"name\": \"x\", \"type\": \"ping\", \"address\": \"x\"}";

    assertThat(api.send("GET", "/api/v1/targets", null).status()).isEqualTo(401);
    assertThat(as(reader, "GET", "/api/v1/targets/" + id, null).status()).isEqualTo(200);
    Response readerWrites = as(reader, "POST", "/api/v1/targets", body);
    assertThat(readerWrites.status()).isEqualTo(403);
    assertThat(readerWrites.body())
        .isEqualTo("{\"detail\":\"This API key lacks the 'write:targets' scope\"}");
    assertThat(as(writer, "GET", "/api/v1/targets", null).status()).isEqualTo(403);
    assertThat(as(writer, "POST", "/api/v1/targets", body).status()).isEqualTo(201);
  }

  @Test
  void theOpenApiDescriptionListsTheTargetRoutes() {
    JsonNode paths = api.get("/openapi.json").json().path("paths");

    assertThat(paths.has("/api/v1/targets")).isTrue();
    assertThat(paths.path("/api/v1/targets/{id}").has("patch")).isTrue();
    assertThat(paths.path("/api/v1/targets/{id}/acknowledge").has("post")).isTrue();
    assertThat(paths.path("/api/v1/alert-status").has("get")).isTrue();
  }

  private void assertUnprocessable(String json, String detailPart) {
    Response response = admin("POST", "/api/v1/targets", json);
    assertThat(response.status()).as(response.body()).isEqualTo(422);
    assertThat(response.json().path("detail").asString()).contains(detailPart);
  }

  /** The collector_id of each record queued for the target, oldest first ("null" for none). */
  private java.util.List<String> queuedCollector(long id) {
    return java.util.List.of(
        rows.text(
                "SELECT string_agg(coalesce(record_value->'target'->>'collector_id', 'null'), ','"
                    + " ORDER BY seq) FROM config_outbox WHERE record_key = 'target/"
                    + id
                    + "'")
            .split(","));
  }

  private long outboxRows() {
    return rows.count("SELECT count(*) FROM config_outbox");
  }

  private java.util.List<Long> ids(String path) {
    java.util.List<Long> ids = new java.util.ArrayList<>();
    admin("GET", path, null).json().path("items").forEach(t -> ids.add(t.path("id").asLong()));
    return ids;
  }
}
