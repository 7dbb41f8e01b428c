package dev.argus.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** GET/PUT /api/alerts, POST /api/alerts/test and the delivery log, over HTTP. */
class AlertSettingsIT extends AlertsApiTest {

  @Test
  void answersTheDefaultsBeforeAnythingIsConfigured() throws Exception {
    Response response = api.get("/api/alerts");

    assertThat(response.status()).isEqualTo(200);
    JSONAssert.assertEquals(
        "{\"providers\": [], \"cooldown_minutes\": 15, \"send_recovery\": true}",
        response.body(),
        JSONCompareMode.STRICT);
  }

  @Autowired AlertSettingsRepository repository;

  @Test
  void masksSecretsAndKeepsThemWhenTheMaskComesBack() throws Exception {
    // Given
    configure(
        """
        {"cooldown_minutes": 30, "providers": [
          {"type": "webhook", "url": "%s", "min_severity": "high",
           "headers": {"Authorization": "Bearer hook-secret", "X-Team": "ops"}},
          {"type": "gotify", "server_url": "%s", "app_token": "gotify-secret"},
          {"type": "ntfy", "server_url": "%s", "topic": "argus", "token": "ntfy-secret"},
          {"type": "email", "smtp_host": "127.0.0.1", "username": "u", "password": "mail-secret",
           "from": "argus@example.com", "to": ["ops@example.com"]}]}
        """
            .formatted(RECEIVER.url("/hook"), RECEIVER.url("/gotify"), RECEIVER.url("/ntfy")));

    // When
    Response shown = api.get("/api/alerts");

    // Then
    assertThat(shown.body()).doesNotContain("secret");
    JSONAssert.assertEquals(
        """
        {"cooldown_minutes": 30, "send_recovery": true, "providers": [
          {"type": "webhook", "name": "webhook", "enabled": true, "min_severity": "high",
           "url": "%s", "headers": {"Authorization": "********", "X-Team": "ops"}},
          {"type": "gotify", "name": "gotify", "enabled": true, "min_severity": "low",
           "server_url": "%s", "app_token": "********"},
          {"type": "ntfy", "name": "ntfy", "enabled": true, "min_severity": "low",
           "server_url": "%s", "topic": "argus", "token": "********"},
          {"type": "email", "name": "email", "enabled": true, "min_severity": "low",
           "smtp_host": "127.0.0.1", "smtp_port": 587, "username": "u", "password": "********",
           "from": "argus@example.com", "to": ["ops@example.com"], "starttls": true}]}
        """
            .formatted(RECEIVER.url("/hook"), RECEIVER.url("/gotify"), RECEIVER.url("/ntfy")),
        shown.body(),
        JSONCompareMode.STRICT);

    // When the masked settings are sent back with one change, and the ntfy token left out
    String edited =
        shown
            .body()
            .replace("\"min_severity\":\"high\"", "\"min_severity\":\"critical\"")
            .replace(",\"token\":\"********\"", "");
    configure(edited);

    // Then the stored secrets are the original ones, stored encrypted
    String stored = sql.sql("SELECT config::text FROM alert_config").query(String.class).single();
    assertThat(stored)
        .contains("\"critical\"", "enc:v1:test:")
        .doesNotContain("hook-secret", "gotify-secret", "ntfy-secret", "mail-secret");
    assertThat(repository.load().toString())
        .contains("Bearer hook-secret", "gotify-secret", "ntfy-secret", "mail-secret");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://169.254.169.254/latest/meta-data | cloud metadata",
        "http://[fe80::1]:8080/hook | link-local",
        "http://169.254.10.20/hook | link-local",
        "http://metadata.google.internal/computeMetadata | cloud metadata",
        "http://[fd00:ec2::254]/latest | cloud metadata",
        "http://0.0.0.0:9000/hook | unspecified",
        "http://224.0.0.1/hook | multicast",
        "ftp://127.0.0.1/hook | http or https",
        "http://user:pw@127.0.0.1/hook | credentials",
      })
  void refusesProviderAddressesThatCouldReachTheHostsSecrets(String url, String reason) {
    Response response =
        putSettings("{\"providers\": [{\"type\": \"webhook\", \"url\": \"" + url + "\"}]}");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("detail").asString())
        .startsWith("providers[0].url")
        .contains(reason);
    assertThat(sql.sql("SELECT count(*) FROM alert_config").query(Long.class).single()).isZero();
  }

  @Test
  void refusesAnSmtpHostOnALinkLocalAddress() {
    Response response =
        putSettings(
            """
            {"providers": [{"type": "email", "smtp_host": "169.254.169.254",
              "from": "a@example.com", "to": ["b@example.com"]}]}
            """);

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("detail").asString()).contains("smtp_host", "metadata");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"providers\": [{\"type\": \"pager\"}]} | providers[0].type must be one of webhook, ntfy,"
            + " gotify, email, got 'pager'",
        "{\"providers\": [{\"url\": \"http://127.0.0.1/\"}]} | providers[0].type must be one of"
            + " webhook, ntfy, gotify, email",
        "{\"providers\": [{\"type\": \"webhook\", \"url\": \"http://127.0.0.1/\", \"min_severity\":"
            + " \"urgent\"}]} | providers[0].min_severity must be one of low, medium, high,"
            + " critical, got 'urgent'",
        "{\"providers\": [], \"cooldown_minutes\": -1} | cooldown_minutes must be between 0 and"
            + " 10080, got -1",
        "{\"cooldown_minutes\": 5} | providers is required (an empty list disables alerts)",
        "{\"providers\": [{\"type\": \"gotify\", \"server_url\": \"http://127.0.0.1/\"}]} |"
            + " providers[0].app_token is required for gotify",
        "{\"providers\": [{\"type\": \"ntfy\", \"server_url\": \"http://127.0.0.1/\", \"topic\":"
            + " \"a/b\"}]} | providers[0].topic is required: 1-64 letters, digits, '_' or '-'",
        "{\"providers\": [{\"type\": \"email\", \"smtp_host\": \"127.0.0.1\", \"from\":"
            + " \"a@example.com\", \"to\": []}]} | providers[0].to must list at least one"
            + " recipient",
        "{\"providers\": [{\"type\": \"webhook\", \"url\": \"http://127.0.0.1/a\"}, {\"type\":"
            + " \"webhook\", \"url\": \"http://127.0.0.1/b\"}]} | providers[1].name 'webhook' is"
            + " used twice; give each provider its own name",
      })
  void invalidSettingsAre422WithTheReason(String body, String detail) {
    Response response = putSettings(body);

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("detail").asString()).isEqualTo(detail);
  }

  @Test
  void writesNeedTheKey() {
    String body = "{\"providers\": []}";

    assertThat(api.send("PUT", "/api/alerts", body).status()).isEqualTo(401);
    assertThat(api.send("POST", "/api/alerts/test", null).status()).isEqualTo(401);
    assertThat(api.send("PUT", "/api/alerts", body, "x-api-key", "wrong").status()).isEqualTo(401);
  }

  @Test
  void aTestWithoutAnEnabledProviderIs409() {
    configure(
        "{\"providers\": [{\"type\": \"webhook\", \"enabled\": false, \"url\": \""
            + RECEIVER.url("/off")
            + "\"}]}");

    Response response = api.send("POST", "/api/alerts/test", null, "x-api-key", KEY);

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json().get("detail").asString())
        .isEqualTo("No alert provider is enabled; add or enable one with PUT /api/alerts first");
  }

  @Test
  void sendsATestThroughEveryEnabledProviderAndLogsIt() throws Exception {
    String hook = "/" + unique("test-hook");
    String broken = "/" + unique("broken");
    RECEIVER.alwaysAnswer(broken, 404);
    try (TestSmtp smtp = new TestSmtp()) {
      // Given
      configure(
          """
          {"providers": [
            {"type": "webhook", "name": "hook", "url": "%s"},
            {"type": "webhook", "name": "broken", "url": "%s"},
            {"type": "webhook", "name": "off", "enabled": false, "url": "%s"},
            {"type": "email", "name": "mail", "smtp_host": "127.0.0.1", "smtp_port": %d,
             "from": "argus@example.com", "to": ["ops@example.com"], "starttls": false}]}
          """
              .formatted(
                  RECEIVER.url(hook), RECEIVER.url(broken), RECEIVER.url("/off"), smtp.port()));

      // When
      Response response = api.send("POST", "/api/alerts/test", null, "x-api-key", KEY);

      // Then
      assertThat(response.status()).isEqualTo(200);
      JSONAssert.assertEquals(
          """
          [{"type": "webhook", "name": "hook", "outcome": "sent", "error": null},
           {"type": "webhook", "name": "broken", "outcome": "failed"},
           {"type": "email", "name": "mail", "outcome": "sent", "error": null}]
          """,
          response.body(),
          JSONCompareMode.LENIENT);
      assertThat(response.json().get(1).get("error").asString()).startsWith("HTTP 404 from");
      assertThat(RECEIVER.to(hook).getFirst().body())
          .contains("\"title\":\"[TEST] Argus alert test\"");
      assertThat(smtp.received()).hasSize(1);
      assertThat(smtp.received()[0].getSubject()).isEqualTo("[TEST] Argus alert test");

      JsonNode log = api.get("/api/alerts/deliveries?page_size=2").json();
      assertThat(log.get("total").asLong()).isEqualTo(3);
      assertThat(log.get("items")).hasSize(2);
      JsonNode newest = log.get("items").get(0);
      assertThat(newest.get("provider").asString()).isEqualTo("mail");
      assertThat(newest.get("is_test").asBoolean()).isTrue();
      assertThat(newest.get("event_id").isNull()).isTrue();
      assertThat(newest.get("outcome").asString()).isEqualTo("sent");
    }
  }
}
