package dev.argus.api.ai;

import dev.argus.contract.camera.EventDescription;
import dev.argus.llm.vision.ChainOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/events/{id}/reanalyse}: describes a stored event again, now, from its stored
 * frames, and publishes the new description (a new id, {@code reanalysis: true}) so that the sink
 * adds it to the history and makes it current. Needs {@code write:cameras}.
 */
@RestController
@Tag(name = "events")
class ReanalyseController {

  private final StoredEvents events;
  private final EventDescriber describer;
  private final DescriptionPublisher publisher;

  ReanalyseController(
      StoredEvents events, EventDescriber describer, DescriptionPublisher publisher) {
    this.events = events;
    this.describer = describer;
    this.publisher = publisher;
  }

  @PostMapping("/api/v1/events/{id}/reanalyse")
  @Operation(
      summary = "Describe an event again, optionally with another model or prompt",
      description =
          "Runs the AI chain (or the llm_models id provider_model_id) on the event's stored"
              + " frames with prompt (else the camera's override, else the default prompt). A"
              + " description is published to argus.camera.descriptions and becomes the event's"
              + " current one, the old one kept in its history; a failed or paused attempt is"
              + " answered (502, 503) and recorded in ai_usage but not published, so the event"
              + " keeps its description.")
  @ApiResponse(responseCode = "200", description = "The new description")
  @ApiResponse(
      responseCode = "409",
      description = "No vision model in the AI chain",
      content = @Content(schema = @Schema(implementation = ChainFailure.class)))
  @ApiResponse(
      responseCode = "502",
      description = "Every provider failed; attempts says how",
      content = @Content(schema = @Schema(implementation = ChainFailure.class)))
  @ApiResponse(
      responseCode = "503",
      description = "A cost cap pauses descriptions, or Kafka did not take the description",
      content = @Content(schema = @Schema(implementation = ChainFailure.class)))
  ResponseEntity<?> reanalyse(
      @PathVariable UUID id,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = false,
              content = @Content(schema = @Schema(implementation = ReanalyseRequest.class)))
          @RequestBody(required = false)
          JsonNode body) {
    ReanalyseRequest request = ReanalyseRequest.of(body);
    UUID modelId = request.modelId();
    String prompt = request.promptOverride();
    StoredEvent event =
        events
            .find(id)
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "Event " + id + " not found"));
    EventDescription description;
    try {
      description = describer.reanalyse(event, modelId, prompt);
    } catch (EventDescriber.UnusableModelException e) {
      throw new ResponseStatusException(
          HttpStatus.UNPROCESSABLE_CONTENT,
          e.getMessage().replace("model_id", "provider_model_id"));
    }
    if (!EventDescription.DESCRIBED.equals(description.outcome())) {
      return ChainAnswers.failure(
          new ChainOutcome(
              ChainOutcome.Outcome.valueOf(
                  description.outcome().toUpperCase(java.util.Locale.ROOT)),
              null,
              description.attempts(),
              description.error(),
              description.latencyMs() == null ? 0 : description.latencyMs()));
    }
    try {
      publisher.publish(description);
    } catch (DescriptionPublisher.UnavailableException e) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .body(
              new ChainFailure(
                  "The description was made but Kafka did not take it ("
                      + e.getMessage()
                      + "); try again",
                  503,
                  description.outcome(),
                  description.attempts()));
    }
    return ResponseEntity.ok(ReanalysisView.of(description));
  }
}
