package dev.argus.api.power;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.RunningApiTest;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/** GET /api/devices and /api/devices/{device_id} over HTTP against rows in PostgreSQL. */
class DevicesIT extends RunningApiTest {

  @Test
  void listsDevicesByIdWithoutCredentials() throws Exception {
    // Given: an SNMPv3 PDU and a NUT UPS whose connection settings hold credentials
    rows.execute(
        """
        INSERT INTO devices (id, name, type, poller, host, port, enabled, connection_config,
            model, firmware, serial, manufacturer, last_seen)
        VALUES ('ups-main', 'Main UPS', 'ups', 'nut', '192.168.1.10', 3493, true,
            '{"ups_name": "ups", "username": "monitor", "password": "hunter2"}',
            'SmartUPS 1500', '1.0.0', 'ABC123', 'APC', '2026-05-27T10:00:00Z')
        """);
    rows.execute(
        """
        INSERT INTO devices (id, name, type, poller, host, port, enabled, connection_config)
        VALUES ('pdu-rack1', 'Rack 1 PDU', 'pdu', 'snmp', '192.168.1.20', 161, false,
            '{"version": "3", "security_name": "argus", "auth_protocol": "SHA",
              "auth_password": "a-secret", "priv_password": "p-secret", "community": "public"}')
        """);

    // When
    Response response = api.get("/api/devices");

    // Then
    assertThat(response.status()).isEqualTo(200);
    JSONAssert.assertEquals(
        """
        [{"id": "pdu-rack1", "name": "Rack 1 PDU", "type": "pdu", "poller": "snmp",
          "host": "192.168.1.20", "port": 161, "enabled": false,
          "connection_config": {"version": "3", "security_name": "argus", "auth_protocol": "SHA"},
          "model": null, "firmware": null, "serial": null, "manufacturer": null,
          "last_seen": null, "collector_id": null},
         {"id": "ups-main", "name": "Main UPS", "type": "ups", "poller": "nut",
          "host": "192.168.1.10", "port": 3493, "enabled": true,
          "connection_config": {"ups_name": "ups", "username": "monitor"},
          "model": "SmartUPS 1500", "firmware": "1.0.0", "serial": "ABC123",
          "manufacturer": "APC", "last_seen": "2026-05-27T10:00:00Z", "collector_id": null}]
        """,
        response.body(),
        JSONCompareMode.STRICT);
    assertThat(response.body()).doesNotContain("hunter2", "a-secret", "p-secret", "public");
  }

  @Test
  void servesOneDeviceWithDefaultsForUnsetColumns() throws Exception {
    // Given
    rows.device("ups-2", "Second UPS");

    // When
    Response response = api.get("/api/devices/ups-2");

    // Then
    assertThat(response.status()).isEqualTo(200);
    JSONAssert.assertEquals(
        """
        {"id": "ups-2", "name": "Second UPS", "type": "ups", "poller": "nut", "host": null,
         "port": null, "enabled": true, "connection_config": {}, "model": null,
         "firmware": null, "serial": null, "manufacturer": null, "last_seen": null,
         "collector_id": null}
        """,
        response.body(),
        JSONCompareMode.STRICT);
  }

  @Test
  void unknownDeviceIs404() throws Exception {
    Response response = api.get("/api/devices/ups-nope");

    assertThat(response.status()).isEqualTo(404);
    JSONAssert.assertEquals("{\"detail\": \"Device 'ups-nope' not found\"}", response.body(), true);
  }

  @Test
  void noDevicesIsAnEmptyList() {
    Response response = api.get("/api/devices");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("[]");
  }
}
