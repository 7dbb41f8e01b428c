package dev.argus.api.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.contract.camera.CameraEvent;
import dev.argus.contract.camera.DetectedObject;
import dev.argus.contract.camera.EventDescription;
import dev.argus.llm.client.WireProtocol;
import dev.argus.llm.simulator.Fault;
import dev.argus.llm.simulator.SimulatedProviderServer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The describer over the real broker: a camera event on {@code argus.camera.events} becomes an
 * {@code EventDescription} on {@code argus.camera.descriptions} from the fallback provider when the
 * first fails, every call an {@code ai_usage} row; a reached cap pauses without a call; a
 * re-analysis of a stored event publishes a new current description.
 */
class DescriberIT extends AiApiTest {

  @Test
  void anEventIsDescribedByTheFallbackWhenTheFirstProviderAnswers429() {
    // Given a chain whose first provider is rate limited (OpenAI protocol) and whose second works
    // (Anthropic protocol)
    SimulatedProviderServer limited =
        server(WireProtocol.OPENAI, "vision-small", Fault.RATE_LIMITED);
    SimulatedProviderServer fallback = server(WireProtocol.ANTHROPIC, "claude-vision", Fault.NONE);
    chain(
        providerModel("openai_compatible", "Primary", limited, "vision-small"),
        providerModel("anthropic", "Fallback", fallback, "claude-vision"));

    // When the processor raises an event
    CameraEvent event = publishEvent(UUID.randomUUID(), "Front door");

    // Then its description comes from the fallback
    List<EventDescription> described = descriptionsOf(event.eventId(), 1);
    assertThat(described).hasSize(1);
    EventDescription description = described.getFirst();
    assertThat(description.outcome()).isEqualTo("described");
    assertThat(description.provider()).isEqualTo("Fallback");
    assertThat(description.model()).isEqualTo("claude-vision");
    assertThat(description.description()).isNotBlank();
    assertThat(description.detectionType()).isNotBlank();
    assertThat(description.descriptionId()).isEqualTo(EventDescriber.autoId(event.eventId()));
    assertThat(description.cameraId()).isEqualTo(event.cameraId());
    assertThat(description.reanalysis()).isFalse();
    assertThat(description.attempts()).hasSize(2);
    assertThat(description.attempts().getFirst())
        .startsWith("Primary/vision-small")
        .contains("429");
    assertThat(description.prompt()).contains("Camera: Front door");
    assertThat(limited.requests("vision-small")).isEqualTo(1);
    assertThat(fallback.requests("claude-vision")).isEqualTo(1);
    // and each call is an ai_usage row of this event
    assertThat(
            count(
                "SELECT count(*) FROM ai_usage WHERE purpose = 'event' AND event_id = '"
                    + event.eventId()
                    + "'"))
        .isEqualTo(2);
    assertThat(
            count(
                "SELECT count(*) FROM ai_usage WHERE NOT success AND provider = 'Primary'"
                    + " AND error LIKE '%429%'"))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM ai_usage WHERE success AND provider = 'Fallback'"
                    + " AND model = 'claude-vision' AND input_tokens > 0"))
        .isEqualTo(1);
  }

  @Test
  void aReachedDailyCapPausesTheDescriptionWithoutCallingAProvider() {
    // Given a working provider and today's spend at the daily cap
    SimulatedProviderServer provider = server(WireProtocol.ANTHROPIC, "claude-vision", Fault.NONE);
    chain(providerModel("anthropic", "Fallback", provider, "claude-vision"));
    rows.execute(
        "INSERT INTO ai_usage (provider, model, purpose, success, cost_usd)"
            + " VALUES ('Earlier', 'm', 'event', true, 0.50)");
    dailyCap("0.50");

    // When
    CameraEvent event = publishEvent(UUID.randomUUID(), "Garden");

    // Then
    EventDescription description = descriptionsOf(event.eventId(), 1).getFirst();
    assertThat(description.outcome()).isEqualTo("paused");
    assertThat(description.error())
        .contains("daily cost cap of $0.50 reached")
        .contains(
            Instant.now()
                .atOffset(ZoneOffset.UTC)
                .toLocalDate()
                .plusDays(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .toString());
    assertThat(description.description()).isNull();
    assertThat(provider.requests("claude-vision")).isZero();
    assertThat(count("SELECT count(*) FROM ai_usage")).isEqualTo(1);
  }

  @Test
  void theModelIsToldWhatTheDetectorFoundAndTheDescriptionKeepsItsOwnObjects() {
    // Given a working provider
    SimulatedProviderServer provider = server(WireProtocol.OPENAI, "vision-small", Fault.NONE);
    chain(providerModel("openai_compatible", "Primary", provider, "vision-small"));

    // When the processor raises an event the CPU detector typed
    List<DetectedObject> found =
        List.of(
            new DetectedObject("person", 0.912, null), new DetectedObject("vehicle", 0.62, null));
    CameraEvent event = publishEvent(UUID.randomUUID(), "Front door", found, "centernet");

    // Then the prompt's context names the detector's objects
    EventDescription description = descriptionsOf(event.eventId(), 1).getFirst();
    assertThat(description.outcome()).isEqualTo("described");
    assertThat(description.prompt())
        .contains("Camera: Front door")
        .contains("An object detector (centernet) found: person 0.91, vehicle 0.62.");
    // and the description's objects are the model's, not the detector's (the event keeps both)
    assertThat(description.objects()).doesNotContainAnyElementsOf(found);
  }

  @Test
  void withoutAChainTheDescriptionFailsSayingWhatToConfigure() {
    // When
    CameraEvent event = publishEvent(UUID.randomUUID(), "Drive");

    // Then
    EventDescription description = descriptionsOf(event.eventId(), 1).getFirst();
    assertThat(description.outcome()).isEqualTo("failed");
    assertThat(description.error())
        .isEqualTo("no vision model in the AI chain (PUT /api/v1/system/settings ai_chain)");
  }

  @Test
  void aReanalysisDescribesTheStoredFramesAgainAndPublishesANewCurrentDescription() {
    // Given an event stored by the sink, with its frame, and a working provider
    SimulatedProviderServer provider = server(WireProtocol.GEMINI, "gemini-vision", Fault.NONE);
    String model = providerModel("gemini", "Gemini", provider, "gemini-vision");
    UUID camera = UUID.randomUUID();
    UUID eventId = UUID.randomUUID();
    rows.execute(
        "INSERT INTO camera_events (id, reading_id, camera_id, camera_name, occurred_at, source,"
            + " description) VALUES ('"
            + eventId
            + "', 'r1', '"
            + camera
            + "', 'Porch', now() - interval '5 minutes', 'motion', 'an old description')");
    insertFrame(eventId);

    // When it is re-analysed with that model and a prompt of the user's
    Response answer =
        admin(
            "POST",
            "/api/v1/events/" + eventId + "/reanalyse",
            "{\"provider_model_id\": \"" + model + "\", \"prompt\": \"Say what moved.\"}");

    // Then
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().path("reanalysis").asBoolean()).isTrue();
    assertThat(answer.json().path("provider").asString()).isEqualTo("Gemini");
    assertThat(answer.json().path("description").asString()).isNotBlank();
    assertThat(answer.json().path("prompt").asString()).contains("Say what moved.");
    String descriptionId = answer.json().path("description_id").asString();
    List<EventDescription> published = descriptionsOf(eventId.toString(), 1);
    assertThat(published)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.descriptionId()).isEqualTo(descriptionId);
              assertThat(d.reanalysis()).isTrue();
              assertThat(d.cameraId()).isEqualTo(camera.toString());
            });
    assertThat(
            count(
                "SELECT count(*) FROM ai_usage WHERE purpose = 'reanalyse' AND event_id = '"
                    + eventId
                    + "'"))
        .isEqualTo(1);
  }

  @Test
  void aReanalysisOfAnUnknownEventIs404AndABadBody422() {
    assertThat(admin("POST", "/api/v1/events/" + UUID.randomUUID() + "/reanalyse", "{}").status())
        .isEqualTo(404);
    Response unknownField =
        admin("POST", "/api/v1/events/" + UUID.randomUUID() + "/reanalyse", "{\"model\": 1}");
    assertThat(unknownField.status()).isEqualTo(422);
    assertThat(unknownField.json().path("detail").asString()).contains("model");
    Response badModel =
        admin(
            "POST",
            "/api/v1/events/" + UUID.randomUUID() + "/reanalyse",
            "{\"provider_model_id\": \"gpt\"}");
    assertThat(badModel.status()).isEqualTo(422);
    assertThat(badModel.json().path("detail").asString()).contains("provider_model_id");
  }

  private void insertFrame(UUID eventId) {
    byte[] jpeg = image("jpeg", 160, 120);
    StringBuilder hex = new StringBuilder();
    for (byte b : jpeg) {
      hex.append(String.format("%02x", b));
    }
    rows.execute(
        "INSERT INTO camera_event_frames (event_id, frame_index, captured_at, width, height, jpeg)"
            + " VALUES ('"
            + eventId
            + "', 0, now(), 160, 120, '\\x"
            + hex
            + "'::bytea)");
  }
}
