package dev.argus.api.llm.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.WebSocketClient;
import dev.argus.api.llm.BenchmarksAndAlertsApiTest;
import dev.argus.contract.Topics;
import dev.argus.contract.llm.BenchmarkEvent;
import dev.argus.contract.llm.LlmProbeReading;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * {@code WS /api/v1/benchmarks/{id}/stream} with the JDK's WebSocket client: what already happened
 * comes first (from the database and the feed), then live events produced to {@code
 * argus.llm.benchmark}; ping/pong; an unknown run; the key in the header or the query, or none.
 */
@ExtendWith(OutputCaptureExtension.class)
class BenchmarkStreamIT extends BenchmarksAndAlertsApiTest {

  private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

  @Autowired BenchmarkEventFeed feed;

  private final BenchmarkRows processor = new BenchmarkRows(rows);
  private UUID modelA;
  private UUID modelB;

  @BeforeEach
  void twoModelsAndALiveFeed() {
    modelA = model("gpt-4.1");
    modelB = model("llama3:8b");
    Awaitility.await("the benchmark feed reads its topic")
        .atMost(Duration.ofSeconds(60))
        .until(feed::isLive);
  }

  @Test
  void aLateClientGetsWhatHappenedThenTheLiveEventsUntilComplete() {
    // Given: a run the processor has stored two results and its progress of
    UUID run = start();
    String r1 = processor.result(run, modelA, 1, 100.0, 50.0, 1);
    String r2 = processor.result(run, modelB, 1, 300.0, 20.0, 2);
    processor.progress(run, "running", 2, 4, null);

    // When
    try (WebSocketClient client = WebSocketClient.open(stream(run), "x-api-key", BOOTSTRAP)) {

      // Then: the past first
      JsonNode first = client.next();
      assertThat(first.path("type").asString()).isEqualTo("result");
      assertThat(first.path("data").path("id").asString()).isEqualTo(r1);
      assertThat(first.path("data").path("ttft_ms").asDouble()).isEqualTo(100.0);
      assertThat(client.next().path("data").path("id").asString()).isEqualTo(r2);
      JsonNode progress = client.next();
      assertThat(progress.path("type").asString()).isEqualTo("progress");
      assertThat(progress.path("completed").asInt()).isEqualTo(2);
      assertThat(progress.path("total").asInt()).isEqualTo(4);
      assertThat(progress.path("current_model").asString()).isEqualTo(modelB.toString());

      // And then what happens now, from the topic
      publish(result(run, "r-live-3", modelA, 3, 4, 2), completed(run, 4));
      JsonNode live = client.next();
      assertThat(live.path("type").asString()).isEqualTo("result");
      JsonNode data = live.path("data");
      assertThat(data.path("id").asString()).isEqualTo("r-live-3");
      assertThat(data.path("run_id").asString()).isEqualTo(run.toString());
      assertThat(data.path("model_id").asString()).isEqualTo(modelA.toString());
      assertThat(data.path("iteration").asInt()).isEqualTo(2);
      assertThat(data.path("ttft_ms").asDouble()).isEqualTo(120.0);
      assertThat(data.path("output_tokens").asInt()).isEqualTo(200);
      assertThat(data.path("token_source").asString()).isEqualTo("usage");
      JsonNode afterLive = client.next();
      assertThat(afterLive.path("type").asString()).isEqualTo("progress");
      assertThat(afterLive.path("completed").asInt()).isEqualTo(3);
      assertThat(afterLive.path("current_model").asString()).isEqualTo(modelA.toString());
      assertThat(client.next().path("completed").asInt()).isEqualTo(4);
      JsonNode complete = client.next();
      assertThat(complete.path("type").asString()).isEqualTo("complete");
      assertThat(complete.path("status").asString()).isEqualTo("completed");
      assertThat(client.closeCode()).isEqualTo(1000);
    }
  }

  @Test
  void eventsTheDatabaseDoesNotHaveYetAreReplayedFromTheFeedOnce() {
    // Given: a result that reached the topic but not (yet) the database
    UUID run = start();
    String stored = processor.result(run, modelA, 1, 100.0, 50.0, 1);
    publish(result(run, stored, modelA, 1, 2, 1), result(run, "r-not-stored-yet", modelB, 2, 2, 1));
    Awaitility.await("the feed has both events")
        .atMost(Duration.ofSeconds(30))
        .until(() -> feed.recent(run.toString()).size() == 2);

    // When
    try (WebSocketClient client = WebSocketClient.open(stream(run), "x-api-key", BOOTSTRAP)) {

      // Then: each result once, progress never backwards
      assertThat(client.next().path("data").path("id").asString()).isEqualTo(stored);
      assertThat(client.next().path("type").asString()).isEqualTo("progress");
      JsonNode progressOfStored = client.next();
      assertThat(progressOfStored.path("type").asString()).isEqualTo("progress");
      assertThat(progressOfStored.path("completed").asInt()).isEqualTo(1);
      JsonNode fromFeed = client.next();
      assertThat(fromFeed.path("data").path("id").asString()).isEqualTo("r-not-stored-yet");
      assertThat(client.next().path("completed").asInt()).isEqualTo(2);

      publish(completed(run, 2));
      assertThat(client.next().path("type").asString()).isEqualTo("progress");
      assertThat(client.next().path("type").asString()).isEqualTo("complete");
      assertThat(client.closeCode()).isEqualTo(1000);
    }
  }

  @Test
  void aFinishedRunIsReplayedAndClosedAndAFailedOneEndsWithItsError() {
    UUID done = start();
    processor.result(done, modelA, 1, 100.0, 50.0, 1);
    processor.progress(done, "completed", 1, 1, null);
    try (WebSocketClient client = WebSocketClient.open(stream(done), "x-api-key", BOOTSTRAP)) {
      assertThat(client.next().path("type").asString()).isEqualTo("result");
      assertThat(client.next().path("type").asString()).isEqualTo("progress");
      assertThat(client.next().path("type").asString()).isEqualTo("complete");
      assertThat(client.closeCode()).isEqualTo(1000);
    }

    UUID failed = start();
    processor.progress(failed, "failed", 0, 4, "no collector could reach the provider");
    try (WebSocketClient client = WebSocketClient.open(stream(failed), "x-api-key", BOOTSTRAP)) {
      assertThat(client.next().path("type").asString()).isEqualTo("progress");
      JsonNode error = client.next();
      assertThat(error.path("type").asString()).isEqualTo("error");
      assertThat(error.path("message").asString())
          .isEqualTo("no collector could reach the provider");
      assertThat(client.closeCode()).isEqualTo(1000);
    }
  }

  @Test
  void textPingIsAnsweredPongAndTheServerPingsAQuietStream() {
    UUID run = start();
    try (WebSocketClient client = WebSocketClient.open(stream(run), "x-api-key", BOOTSTRAP)) {
      assertThat(client.next().path("type").asString()).isEqualTo("progress");

      client.send("ping");
      String answer = client.nextText();
      while (answer.contains("\"ping\"")) {
        answer = client.nextText();
      }
      assertThat(answer).isEqualTo("pong");

      // The test context pings after 1 s of silence (30 s in production).
      assertThat(client.nextText()).isEqualTo("{\"type\":\"ping\"}");
    }
  }

  @Test
  void anUnknownRunGetsAnErrorAndTheSocketCloses() {
    UUID unknown = UUID.randomUUID();
    try (WebSocketClient client = WebSocketClient.open(stream(unknown), "x-api-key", BOOTSTRAP)) {
      JsonNode error = client.next();
      assertThat(error.path("type").asString()).isEqualTo("error");
      assertThat(error.path("message").asString())
          .isEqualTo("Benchmark run " + unknown + " not found");
      assertThat(client.closeCode()).isEqualTo(4404);
    }
    URI notAUuid = URI.create("ws://127.0.0.1:" + port() + "/api/v1/benchmarks/nope/stream");
    try (WebSocketClient client = WebSocketClient.open(notAUuid, "x-api-key", BOOTSTRAP)) {
      assertThat(client.next().path("type").asString()).isEqualTo("error");
      assertThat(client.closeCode()).isEqualTo(4404);
    }
  }

  @Test
  void theKeyComesInTheHeaderOrTheQueryAndIsNeverLogged(CapturedOutput output) {
    // Given
    UUID run = start();
    String reader = newKey("\"read:models\"");
    String targetsOnly = newKey("\"read:targets\"");
    URI plain = stream(run);

    // Then: a key with read:models, in the header or (for browsers) the query
    try (WebSocketClient client = WebSocketClient.open(plain, "x-api-key", reader)) {
      assertThat(client.next().path("type").asString()).isEqualTo("progress");
    }
    try (WebSocketClient client = WebSocketClient.open(withKey(plain, reader))) {
      assertThat(client.next().path("type").asString()).isEqualTo("progress");
    }
    // No key, a wrong key, a key without the scope: refused at the handshake
    assertThat(WebSocketClient.refusedStatus(plain)).isEqualTo(401);
    assertThat(WebSocketClient.refusedStatus(withKey(plain, "argus_wrong-0123456789abcdef0123")))
        .isEqualTo(401);
    assertThat(WebSocketClient.refusedStatus(plain, "x-api-key", targetsOnly)).isEqualTo(403);
    assertThat(WebSocketClient.refusedStatus(withKey(plain, targetsOnly))).isEqualTo(403);
    // The query parameter is for the WebSocket only, not a second way into the REST api
    Response rest = api.send("GET", "/api/v1/benchmarks/" + run + "?api_key=" + reader);
    assertThat(rest.status()).isEqualTo(401);

    // The capture sees the application's log (so the check below can fail).
    LoggerFactory.getLogger(BenchmarkStreamHandler.class).warn("capture check {}", run);
    assertThat(output.getAll()).contains("capture check " + run);
    assertThat(output.getAll()).doesNotContain(reader).doesNotContain(targetsOnly);
  }

  @Test
  void aPlainHttpRequestToTheStreamIsRefusedInJson() {
    UUID run = start();
    Response plain = admin("GET", "/api/v1/benchmarks/" + run + "/stream", null);
    assertThat(plain.status()).isEqualTo(400);
    assertThat(plain.contentType()).startsWith("application/json");
    assertThat(plain.json().path("detail").asString())
        .startsWith("This is a WebSocket: open it with a WebSocket client");
    assertThat(api.send("GET", "/api/v1/benchmarks/" + run + "/stream").status()).isEqualTo(401);
  }

  private UUID start() {
    Response started =
        admin(
            "POST",
            "/api/v1/benchmarks",
            "{\"model_ids\": [\"%s\", \"%s\"], \"prompt_pack\": \"health_check\", \"num_runs\": 2}"
                .formatted(modelA, modelB));
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    return UUID.fromString(started.json().path("id").asString());
  }

  private URI stream(UUID run) {
    return URI.create("ws://127.0.0.1:" + port() + "/api/v1/benchmarks/" + run + "/stream");
  }

  private static URI withKey(URI uri, String key) {
    return URI.create(uri + "?api_key=" + key);
  }

  private static BenchmarkEvent result(
      UUID run, String readingId, UUID model, int completed, int total, int iteration) {
    LlmProbeReading reading =
        new LlmProbeReading(
            LlmProbeReading.SCHEMA_VERSION,
            readingId,
            run.toString(),
            model.toString(),
            "gpt-4.1",
            "GPT 4.1",
            UUID.randomUUID().toString(),
            "openai",
            "collector-1",
            AT.plusSeconds(completed),
            iteration,
            true,
            null,
            200,
            120.0,
            120.0,
            900.0,
            3.9,
            255.0,
            200,
            12,
            null,
            "usage",
            640,
            false,
            "length",
            5_000,
            30_000);
    return new BenchmarkEvent(
        BenchmarkEvent.SCHEMA_VERSION,
        run.toString(),
        BenchmarkEvent.RESULT,
        AT.plusSeconds(completed),
        completed,
        total,
        model.toString(),
        reading,
        null);
  }

  private static BenchmarkEvent completed(UUID run, int total) {
    return new BenchmarkEvent(
        BenchmarkEvent.SCHEMA_VERSION,
        run.toString(),
        BenchmarkEvent.COMPLETED,
        AT.plusSeconds(60),
        total,
        total,
        null,
        null,
        null);
  }

  private static void publish(BenchmarkEvent... events) {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            Topics.LLM_BENCHMARK.keySerde().serializer(),
            Topics.LLM_BENCHMARK.valueSerde().serializer())) {
      for (BenchmarkEvent event : events) {
        producer.send(new ProducerRecord<>(Topics.LLM_BENCHMARK.name(), event.runId(), event));
      }
      producer.flush();
    }
  }
}
