package dev.argus.api.protect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.KafkaApiTest;
import dev.argus.api.cameras.CameraApiTest;
import dev.argus.contract.Topics;
import dev.argus.contract.camera.ProtectControllerConfig;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.secrets.SecretContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Protect controllers through the outbox to a real KRaft broker: on {@code argus.config} under
 * {@code protect-controller/<id>} in order, the password an envelope that decrypts with the
 * controller's context (as the collector decrypts it), and a tombstone for a delete.
 */
@TestPropertySource(properties = "argus.security.api-key=" + CameraApiTest.BOOTSTRAP)
class ProtectPublishingIT extends KafkaApiTest {

  @Test
  void aControllerReachesTheConfigTopicWithItsPasswordEncryptedAndIsTombstoned() {
    // Given
    Response created =
        admin(
            "POST",
            "/api/v1/protect/controllers",
            "{\"name\": \"UNVR\", \"host\": \"127.0.0.1\", \"port\": 7443, \"username\": \"argus\","
                + " \"password\": \"unvr-secret\", \"collector\": \"edge-1\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().path("id").asString();

    // When
    assertThat(admin("PUT", "/api/v1/protect/controllers/" + id, "{\"enabled\": false}").status())
        .isEqualTo(200);
    assertThat(admin("DELETE", "/api/v1/protect/controllers/" + id, null).status()).isEqualTo(204);

    // Then
    String key = "protect-controller/" + id;
    List<ConsumerRecord<String, byte[]>> ours =
        readUntil(
                Topics.CONFIG.name(),
                read -> read.stream().anyMatch(r -> r.key().equals(key) && r.value() == null))
            .stream()
            .filter(r -> r.key().equals(key))
            .toList();
    assertThat(ours).hasSize(3);
    assertThat(new String(ours.get(0).value(), StandardCharsets.UTF_8))
        .doesNotContain("unvr-secret");
    ProtectControllerConfig first = entry(ours.get(0)).protectController();
    assertThat(first.host()).isEqualTo("127.0.0.1");
    assertThat(first.port()).isEqualTo(7443);
    assertThat(first.collector()).isEqualTo("edge-1");
    assertThat(first.enabled()).isTrue();
    assertThat(
            secrets.decrypt(
                first.credentials().get("password"),
                SecretContext.protectControllerField(id, "password")))
        .isEqualTo("unvr-secret");
    assertThat(entry(ours.get(1)).protectController().enabled()).isFalse();
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
