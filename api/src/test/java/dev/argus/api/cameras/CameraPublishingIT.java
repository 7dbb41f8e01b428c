package dev.argus.api.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.KafkaApiTest;
import dev.argus.contract.Topics;
import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.secrets.SecretContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Cameras through the outbox to a real KRaft broker: on {@code argus.config} in order, the password
 * an envelope that decrypts with the camera's context (as a collector decrypts it), start/stop as
 * {@code started}, and a tombstone for a delete.
 */
@TestPropertySource(properties = "argus.security.api-key=" + CameraApiTest.BOOTSTRAP)
class CameraPublishingIT extends KafkaApiTest {

  @Test
  void aCameraReachesTheConfigTopicWithItsPasswordEncrypted() {
    // Given
    Response created =
        admin(
            "POST",
            "/api/v1/cameras",
            "{\"name\": \"Garage\", \"type\": \"rtsp\", \"rtsp_url\": \"rtsp://127.0.0.1/g\","
                + " \"username\": \"cam\", \"password\": \"garage-secret\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().path("id").asString();

    // When
    assertThat(admin("POST", "/api/v1/cameras/" + id + "/stop", null).status()).isEqualTo(200);
    assertThat(admin("DELETE", "/api/v1/cameras/" + id, null).status()).isEqualTo(204);

    // Then
    String key = "camera/" + id;
    List<ConsumerRecord<String, byte[]>> ours =
        readUntil(
                Topics.CONFIG.name(),
                read -> read.stream().anyMatch(r -> r.key().equals(key) && r.value() == null))
            .stream()
            .filter(r -> r.key().equals(key))
            .toList();
    assertThat(ours).hasSize(3);
    assertThat(new String(ours.get(0).value(), StandardCharsets.UTF_8))
        .doesNotContain("garage-secret");
    CameraConfig first = entry(ours.get(0)).camera();
    assertThat(first.shouldRun()).isTrue();
    assertThat(first.username()).isEqualTo("cam");
    assertThat(
            secrets.decrypt(
                first.credentials().get("password"), SecretContext.cameraField(id, "password")))
        .isEqualTo("garage-secret");
    assertThat(entry(ours.get(1)).camera().started()).isFalse();
    assertThat(ours.get(2).value()).isNull();
  }

  private Response admin(String method, String path, String json) {
    return api.send(method, path, json, "x-api-key", CameraApiTest.BOOTSTRAP);
  }

  private static ConfigEntry entry(ConsumerRecord<String, byte[]> record) {
    return Topics.CONFIG
        .valueSerde()
        .deserializer()
        .deserialize(Topics.CONFIG.name(), record.value());
  }
}
