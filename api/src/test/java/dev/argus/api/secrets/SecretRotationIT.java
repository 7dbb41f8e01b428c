package dev.argus.api.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.RunningApiTest;
import dev.argus.api.system.SchemaMigrated;
import dev.argus.contract.secrets.SecretCipher;
import dev.argus.contract.secrets.SecretContext;
import dev.argus.contract.secrets.SecretDecryptionException;
import dev.argus.contract.secrets.SecretKeyring;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.TestPropertySource;

/**
 * Key rotation over the running api and a real PostgreSQL: secrets stored under key A (or in plain
 * text, by an older version), the api configured with B (newest) and A, and the re-encrypt command
 * moving every stored secret to B, after which B alone reads them.
 */
@TestPropertySource(
    properties = {
      "argus.secrets.keys=" + SecretRotationIT.KEY_B + "," + SecretRotationIT.KEY_A,
      "argus.security.api-key=" + SecretRotationIT.ADMIN
    })
class SecretRotationIT extends RunningApiTest {

  static final String KEY_A = "a:" + "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=";
  static final String KEY_B = "b:" + "QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI=";
  static final String ADMIN = "rotation-admin-key-0123456789abcdefghij";

  private final SecretCipher onlyA = new SecretCipher(SecretKeyring.parse(KEY_A));
  private final SecretCipher onlyB = new SecretCipher(SecretKeyring.parse(KEY_B));

  @Autowired ApplicationEventPublisher events;

  /**
   * The alert settings are not emptied before each test (TelemetryRows), and those left here are
   * under keys the other contexts do not hold: a later test reading them would fail.
   */
  @AfterEach
  void forgetSecretsOfTheseKeys() {
    rows.execute("DELETE FROM alert_config");
  }

  @Test
  void reencryptMovesEverySecretToTheNewestKeyAndRepublishesTheDevice() {
    // Given: a device, the runtime settings and alert settings, their secrets under key A
    SecretContext password = SecretContext.deviceField("ups-1", "password");
    SecretContext nutPassword = SecretContext.runtimeField("nut_password");
    SecretContext token = SecretContext.alertProviderField("gotify", "phone", "app_token");
    rows.execute(
        """
        INSERT INTO devices (id, name, type, poller, host, port, enabled, connection_config)
        VALUES ('ups-1', 'UPS 1', 'ups', 'nut', '10.0.0.1', 3493, true,
            '{"ups": "ups", "username": "monitor", "password": "%s"}')
        """
            .formatted(onlyA.encrypt("device-pw", password)));
    rows.execute(
        """
        INSERT INTO runtime_config (id, config, updated_at) VALUES (1, '%s', now())
        """
            .formatted(runtimeJson(onlyA.encrypt("nut-pw", nutPassword))));
    rows.execute("DELETE FROM alert_config");
    rows.execute(
        """
        INSERT INTO alert_config (id, config, updated_at) VALUES (1, '%s', now())
        """
            .formatted(gotifyJson(onlyA.encrypt("gotify-token", token))));
    String provider = "7d4c1f4e-2b7a-4f4e-9a43-7f7c0b6f9d11";
    SecretContext apiKey = SecretContext.llmProviderField(provider, "api_key");
    rows.execute(
        """
        INSERT INTO llm_providers (id, provider_type, display_name, credentials)
        VALUES ('%s', 'openai', 'OpenAI', '{"api_key": "%s"}')
        """
            .formatted(provider, onlyA.encrypt("sk-llm", apiKey)));
    String camera = "5d0c2b1a-8e3f-4a57-9c1d-2f6e8b7a9c01";
    SecretContext cameraPassword = SecretContext.cameraField(camera, "password");
    rows.execute(
        """
        INSERT INTO cameras (id, name, type, rtsp_url, credentials)
        VALUES ('%s', 'Door', 'rtsp', 'rtsp://10.0.0.9/s', '{"password": "%s"}')
        """
            .formatted(camera, onlyA.encrypt("camera-pw", cameraPassword)));
    String controller = "6e1d3c2b-9f4a-4b68-8d2e-3a7f9c8b0d12";
    SecretContext controllerPassword = SecretContext.protectControllerField(controller, "password");
    rows.execute(
        """
        INSERT INTO protect_controllers (id, name, host, username, credentials)
        VALUES ('%s', 'UDM', '10.0.0.2', 'argus', '{"password": "%s"}')
        """
            .formatted(controller, onlyA.encrypt("protect-pw", controllerPassword)));

    // When
    Response response =
        api.send("POST", "/api/v1/admin/secrets/reencrypt", null, "x-api-key", ADMIN);

    // Then: counts per table, and every secret names B and is readable with B alone
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("key_id").asString()).isEqualTo("b");
    assertThat(response.json().get("reencrypted").get("devices").asInt()).isEqualTo(1);
    assertThat(response.json().get("reencrypted").get("runtime_config").asInt()).isEqualTo(1);
    assertThat(response.json().get("reencrypted").get("alert_config").asInt()).isEqualTo(1);
    assertThat(response.json().get("reencrypted").get("llm_providers").asInt()).isEqualTo(1);
    assertThat(response.json().get("reencrypted").get("cameras").asInt()).isEqualTo(1);
    assertThat(response.json().get("reencrypted").get("protect_controllers").asInt()).isEqualTo(1);
    assertThat(
            onlyB.decrypt(
                rows.text("SELECT credentials->>'password' FROM protect_controllers"),
                controllerPassword))
        .isEqualTo("protect-pw");
    assertThat(
            rows.count(
                "SELECT count(*) FROM config_outbox WHERE record_key = 'protect-controller/"
                    + controller
                    + "' AND record_value::text LIKE '%enc:v1:b:%'"))
        .isEqualTo(1);
    String devicePassword =
        rows.text("SELECT connection_config->>'password' FROM devices WHERE id = 'ups-1'");
    String runtimePassword = rows.text("SELECT config->>'nut_password' FROM runtime_config");
    String gotifyToken = rows.text("SELECT config->'providers'->0->>'app_token' FROM alert_config");
    assertThat(SecretCipher.keyIdOf(devicePassword)).isEqualTo("b");
    assertThat(onlyB.decrypt(devicePassword, password)).isEqualTo("device-pw");
    assertThat(onlyB.decrypt(runtimePassword, nutPassword)).isEqualTo("nut-pw");
    assertThat(onlyB.decrypt(gotifyToken, token)).isEqualTo("gotify-token");
    assertThat(
            onlyB.decrypt(rows.text("SELECT credentials->>'api_key' FROM llm_providers"), apiKey))
        .isEqualTo("sk-llm");
    assertThat(
            onlyB.decrypt(
                rows.text("SELECT credentials->>'password' FROM cameras"), cameraPassword))
        .isEqualTo("camera-pw");
    assertThatThrownBy(() -> onlyA.decrypt(devicePassword, password))
        .isInstanceOf(SecretDecryptionException.class)
        .hasMessageContaining("key 'b'");

    // And: the collectors get the re-encrypted device, runtime settings and LLM provider
    // through the outbox
    assertThat(
            rows.count(
                "SELECT count(*) FROM config_outbox WHERE record_key = 'device/ups-1'"
                    + " AND record_value::text LIKE '%enc:v1:b:%'"))
        .isEqualTo(1);
    assertThat(
            rows.count(
                "SELECT count(*) FROM config_outbox WHERE record_key = 'runtime'"
                    + " AND record_value::text LIKE '%enc:v1:b:%'"))
        .isEqualTo(1);
    assertThat(
            rows.count(
                "SELECT count(*) FROM config_outbox WHERE record_key = 'llm-provider/"
                    + provider
                    + "' AND record_value::text LIKE '%enc:v1:b:%'"))
        .isEqualTo(1);

    assertThat(
            rows.count(
                "SELECT count(*) FROM config_outbox WHERE record_key = 'camera/"
                    + camera
                    + "' AND record_value::text LIKE '%enc:v1:b:%'"))
        .isEqualTo(1);

    // And: a second run finds nothing left to do
    Response again = api.send("POST", "/api/v1/admin/secrets/reencrypt", null, "x-api-key", ADMIN);
    assertThat(again.json().get("reencrypted").values())
        .hasSize(6)
        .allSatisfy(count -> assertThat(count.asInt()).isZero());
  }

  @Test
  void theCommandNeedsAnAdminKey() {
    String deviceWriter =
        api.send(
                "POST",
                "/api/v1/api-keys",
                "{\"name\": \"devices\", \"scopes\": [\"write:devices\"]}",
                "x-api-key",
                ADMIN)
            .json()
            .path("key")
            .asString();

    Response anonymous = api.send("POST", "/api/v1/admin/secrets/reencrypt", null);
    Response notAdmin =
        api.send("POST", "/api/v1/admin/secrets/reencrypt", null, "x-api-key", deviceWriter);

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(notAdmin.status()).isEqualTo(403);
  }

  @Test
  void plaintextLeftByAnOlderVersionIsEncryptedOnceTheSchemaIsMigrated() {
    // Given: secrets as an older version stored them
    rows.execute(
        """
        INSERT INTO devices (id, name, type, poller, host, port, enabled, connection_config)
        VALUES ('pdu-1', 'PDU 1', 'pdu', 'snmp', '10.0.0.2', 161, true,
            '{"version": "2c", "community": "plain-community"}')
        """);
    rows.execute(
        "INSERT INTO runtime_config (id, config, updated_at) VALUES (1, '%s', now())"
            .formatted(runtimeJson("plain-nut")));
    rows.execute("DELETE FROM alert_config");
    rows.execute(
        "INSERT INTO alert_config (id, config, updated_at) VALUES (1, '%s', now())"
            .formatted(gotifyJson("plain-token")));

    // When: the start-up step runs (as after each successful schema migration)
    events.publishEvent(new SchemaMigrated());

    // Then: nothing is left in plain, and the api still reads the alert token
    assertThat(
            rows.count(
                "SELECT count(*) FROM devices WHERE connection_config::text LIKE '%plain-%'"))
        .isZero();
    assertThat(rows.count("SELECT count(*) FROM runtime_config WHERE config::text LIKE '%plain-%'"))
        .isZero();
    assertThat(rows.count("SELECT count(*) FROM alert_config WHERE config::text LIKE '%plain-%'"))
        .isZero();
    assertThat(
            onlyB.decrypt(
                rows.text("SELECT connection_config->>'community' FROM devices"),
                SecretContext.deviceField("pdu-1", "community")))
        .isEqualTo("plain-community");
    assertThat(
            rows.count(
                "SELECT count(*) FROM config_outbox WHERE record_value::text LIKE '%plain-%'"))
        .isZero();
  }

  private static String runtimeJson(String nutPassword) {
    return """
    {"poll_interval_minutes": 5, "enabled_exporters": ["postgres"], "scanning_disabled": false,
     "scheduler_paused": false, "nut_host": "10.0.0.9", "nut_port": 3493,
     "nut_username": "monitor", "nut_password": "%s"}
    """
        .formatted(nutPassword);
  }

  private static String gotifyJson(String token) {
    return """
    {"providers": [{"type": "gotify", "name": "phone", "enabled": true, "min_severity": "low",
      "server_url": "http://127.0.0.1:9/", "app_token": "%s"}],
     "cooldown_minutes": 15, "send_recovery": true}
    """
        .formatted(token);
  }
}
