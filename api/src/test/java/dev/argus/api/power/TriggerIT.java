package dev.argus.api.power;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.KafkaApiTest;
import dev.argus.contract.Topics;
import dev.argus.contract.commands.CollectorCommand;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;

/**
 * POST /api/trigger publishes a poll_now command through a real broker; GET /api/trigger/status
 * follows the collectors' heartbeats as the sink stores them.
 */
class TriggerIT extends KafkaApiTest {

  @Test
  void triggerIsQueuedThenRunningThenDoneAndASecondOneIs409Meanwhile() throws Exception {
    // Given: no poll going on
    JSONAssert.assertEquals(
        "{\"status\": \"idle\", \"message\": \"No poll in progress.\"}",
        api.get("/api/trigger/status").body(),
        true);

    // When
    Response accepted = api.send("POST", "/api/trigger");

    // Then: 202 as in the seed, one open trigger, and its command on argus.commands
    assertThat(accepted.status()).isEqualTo(202);
    JSONAssert.assertEquals(
        "{\"status\": \"accepted\", \"message\": \"Poll trigger queued.\"}", accepted.body(), true);
    String triggerId = rows.text("SELECT id::text FROM poll_triggers WHERE status = 'queued'");
    CollectorCommand command = command(triggerId);
    assertThat(command.type()).isEqualTo("poll_now");
    assertThat(api.get("/api/trigger/status").json().get("status").asString()).isEqualTo("queued");

    // And: a second trigger while the first is open is refused
    Response second = api.send("POST", "/api/trigger");
    assertThat(second.status()).isEqualTo(409);
    JSONAssert.assertEquals(
        "{\"detail\": \"A poll is already in progress.\"}", second.body(), true);

    // When: the collector reports the poll running
    Instant now = Instant.now();
    rows.heartbeat("collector-1", now, true, now, null, null);

    // Then
    JSONAssert.assertEquals(
        "{\"status\": \"running\", \"message\": \"Poll in progress.\"}",
        api.get("/api/trigger/status").body(),
        true);

    // When: the collector reports the trigger done
    rows.heartbeat("collector-1", now.plusSeconds(5), false, now, now.plusSeconds(4), triggerId);

    // Then: idle again, the trigger is closed, and a new one is accepted
    assertThat(api.get("/api/trigger/status").json().get("status").asString()).isEqualTo("idle");
    assertThat(rows.count("SELECT count(*) FROM poll_triggers WHERE status = 'done'")).isEqualTo(1);
    assertThat(api.send("POST", "/api/trigger").status()).isEqualTo(202);
  }

  @Test
  void aCollectorPollingOnScheduleMakesATrigger409() {
    // Given: a live collector in the middle of a scheduled cycle
    Instant now = Instant.now();
    rows.heartbeat("collector-1", now, true, now, null, null);

    // When
    Response refused = api.send("POST", "/api/trigger");

    // Then
    assertThat(refused.status()).isEqualTo(409);
    assertThat(rows.count("SELECT count(*) FROM poll_triggers")).isZero();
    assertThat(api.get("/api/trigger/status").json().get("status").asString()).isEqualTo("running");
  }

  @Test
  void aTriggerNobodyCompletesExpires() {
    // Given: an open trigger requested longer ago than the timeout (10 minutes)
    rows.execute(
        "INSERT INTO poll_triggers (id, status, requested_at) VALUES"
            + " ('00000000-0000-0000-0000-000000000001', 'queued', now() - interval '11 minutes')");

    // When / Then
    assertThat(api.get("/api/trigger/status").json().get("status").asString()).isEqualTo("idle");
    assertThat(rows.count("SELECT count(*) FROM poll_triggers WHERE status = 'expired'"))
        .isEqualTo(1);
  }

  private static CollectorCommand command(String id) {
    List<ConsumerRecord<String, byte[]>> records =
        readUntil(Topics.COMMANDS.name(), r -> r.stream().anyMatch(c -> c.key().equals(id)));
    ConsumerRecord<String, byte[]> record =
        records.stream().filter(c -> c.key().equals(id)).findFirst().orElseThrow();
    return Topics.COMMANDS
        .valueSerde()
        .deserializer()
        .deserialize(Topics.COMMANDS.name(), record.value());
  }
}
