package dev.argus.api.ai;

import dev.argus.api.system.settings.SystemSettingsRepository;
import dev.argus.contract.camera.CameraEvent;
import dev.argus.contract.camera.CapturedFrame;
import dev.argus.contract.camera.EventDescription;
import dev.argus.llm.vision.ChainOutcome;
import dev.argus.llm.vision.DescriptionPrompt;
import dev.argus.llm.vision.VisionAnswer;
import dev.argus.llm.vision.VisionRequest;
import dev.argus.llm.vision.VisionTarget;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Describes camera events with the fallback chain of {@code camera_settings}: builds the chain's
 * links, the prompt (the camera's override or the settings' prompt, with a line of context that
 * also says what the event's detector found, see {@link DetectorContext}) and the request from the
 * event's frames, runs the chain with the call's purpose bound for the ledger, and turns the
 * outcome into an {@link EventDescription}. Publishing is the caller's.
 */
@Service
class EventDescriber {

  static final String NO_CHAIN =
      "no vision model in the AI chain (PUT /api/v1/system/settings ai_chain)";

  private final SystemSettingsRepository settings;
  private final VisionTargets targets;
  private final PromptContexts contexts;
  private final DescriptionChains chains;
  private final AiProperties properties;
  private final Clock clock;

  EventDescriber(
      SystemSettingsRepository settings,
      VisionTargets targets,
      PromptContexts contexts,
      DescriptionChains chains,
      AiProperties properties,
      Clock clock) {
    this.settings = settings;
    this.targets = targets;
    this.contexts = contexts;
    this.chains = chains;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * The description of an event the processor raised. Its id is derived from the event's, so a
   * redelivered event replaces its description rather than adding one to the history.
   */
  EventDescription describe(CameraEvent event) {
    List<byte[]> jpegs = new ArrayList<>();
    event.frames().stream().map(CapturedFrame::jpeg).forEach(jpegs::add);
    if (jpegs.isEmpty() && event.thumbnail() != null && event.thumbnail().length > 0) {
      jpegs.add(event.thumbnail());
    }
    UUID cameraId = uuidOrNull(event.cameraId());
    UUID eventId = uuidOrNull(event.eventId());
    AiSettings current = AiSettings.of(settings.current());
    String prompt =
        prompt(
            firstNonBlank(event.promptOverride(), current.descriptionPrompt()),
            jpegs.size(),
            DetectorContext.join(
                cameraId == null
                    ? null
                    : contexts
                        .build(cameraId, event.cameraName(), event.occurredAt(), eventId)
                        .line(),
                DetectorContext.sentence(event.detector(), event.objects())));
    ChainOutcome outcome =
        run(
            current,
            targets.targets(current.chain()),
            prompt,
            jpegs,
            new CallPurpose(CallPurpose.EVENT, eventId));
    return description(
        autoId(event.eventId()), event.eventId(), event.cameraId(), outcome, prompt, false);
  }

  /**
   * A new description of a stored event, on user request: with the model {@code modelId} instead of
   * the chain and {@code promptOverride} instead of the camera's prompt when given. Its id is new,
   * so the sink adds it to the history and makes it current.
   */
  EventDescription reanalyse(StoredEvent event, UUID modelId, String promptOverride) {
    List<byte[]> jpegs = new ArrayList<>(event.frames());
    if (jpegs.isEmpty() && event.thumbnail() != null && event.thumbnail().length > 0) {
      jpegs.add(event.thumbnail());
    }
    AiSettings current = AiSettings.of(settings.current());
    String prompt =
        prompt(
            firstNonBlank(promptOverride, event.promptOverride(), current.descriptionPrompt()),
            jpegs.size(),
            DetectorContext.join(
                contexts
                    .build(event.cameraId(), event.cameraName(), event.occurredAt(), event.id())
                    .line(),
                DetectorContext.sentence(event.detector(), event.detectedObjects())));
    ChainOutcome outcome =
        run(
            current,
            chosen(current, modelId),
            prompt,
            jpegs,
            new CallPurpose(CallPurpose.REANALYSE, event.id()));
    return description(
        UUID.randomUUID().toString(),
        event.id().toString(),
        event.cameraId().toString(),
        outcome,
        prompt,
        true);
  }

  /** Describes one uploaded JPEG ({@code POST /api/v1/ai/describe}); no event, no context. */
  ChainOutcome describeImage(byte[] jpeg, String promptOverride, UUID modelId) {
    AiSettings current = AiSettings.of(settings.current());
    String prompt = prompt(firstNonBlank(promptOverride, current.descriptionPrompt()), 1, null);
    return run(
        current,
        chosen(current, modelId),
        prompt,
        List.of(jpeg),
        new CallPurpose(CallPurpose.DESCRIBE, null));
  }

  /** The links to try: the one named model, or the configured chain. */
  private List<VisionTarget> chosen(AiSettings current, UUID modelId) {
    if (modelId == null) {
      return targets.targets(current.chain());
    }
    ChainLink link = targets.link(modelId);
    if (!link.usable()) {
      throw new UnusableModelException("model_id " + modelId + ": " + link.problem());
    }
    return List.of(link.target());
  }

  private ChainOutcome run(
      AiSettings current,
      List<VisionTarget> chain,
      String prompt,
      List<byte[]> jpegs,
      CallPurpose purpose) {
    if (chain.isEmpty()) {
      return new ChainOutcome(ChainOutcome.Outcome.FAILED, null, List.of(), NO_CHAIN, 0);
    }
    if (jpegs.isEmpty()) {
      return new ChainOutcome(
          ChainOutcome.Outcome.FAILED, null, List.of(), "the event has no frames to describe", 0);
    }
    VisionRequest request = new VisionRequest(prompt, jpegs, properties.answerMaxTokens());
    return purpose.during(() -> chains.chain(current.chainSettings()).describe(chain, request));
  }

  private EventDescription description(
      String descriptionId,
      String eventId,
      String cameraId,
      ChainOutcome outcome,
      String prompt,
      boolean reanalysis) {
    VisionAnswer answer = outcome.answer();
    return new EventDescription(
        descriptionId,
        eventId,
        cameraId,
        clock.instant(),
        outcome.outcome().wireName(),
        answer == null ? null : answer.description(),
        answer == null ? null : answer.detectionType(),
        answer == null ? List.of() : answer.objects(),
        answer == null ? null : answer.provider(),
        answer == null ? null : answer.model(),
        answer == null ? null : answer.inputTokens(),
        answer == null ? null : answer.outputTokens(),
        answer == null ? null : answer.costUsd(),
        outcome.totalLatencyMs(),
        outcome.attempts(),
        answer == null ? outcome.error() : null,
        prompt,
        reanalysis);
  }

  /** The id of an event's automatic description: the same for every delivery of the event. */
  static String autoId(String eventId) {
    return UUID.nameUUIDFromBytes((eventId + "auto").getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static String prompt(String override, int frames, String context) {
    return DescriptionPrompt.build(override, Math.max(1, frames), context);
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private static UUID uuidOrNull(String id) {
    try {
      return id == null ? null : UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A request named a model that cannot describe (gone, no vision, provider disabled). */
  static final class UnusableModelException extends RuntimeException {
    UnusableModelException(String message) {
      super(message);
    }
  }
}
