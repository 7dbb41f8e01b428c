package dev.argus.api.ai;

import dev.argus.api.system.ErrorBody;
import dev.argus.api.system.detection.DetectionStatus;
import dev.argus.api.system.settings.SystemSettingsRepository;
import dev.argus.llm.client.ProviderType;
import dev.argus.llm.vision.ChainOutcome;
import dev.argus.llm.vision.ProviderHealth;
import dev.argus.llm.vision.VisionCapabilities;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/ai}: the fallback chain and its providers' state, describing an uploaded image,
 * usage against the cost caps, provider capabilities and the prompt-context metrics. Reads need
 * {@code read:cameras}, the POSTs {@code write:cameras} (see the security package's AccessRules).
 */
@RestController
@RequestMapping("/api/v1/ai")
@Tag(name = "ai")
class AiController {

  private static final int MAX_USAGE_DAYS = 366;

  private final SystemSettingsRepository settings;
  private final VisionTargets targets;
  private final DescriptionChains chains;
  private final PostgresUsageLedger ledger;
  private final EventDescriber describer;
  private final UsageRepository usage;
  private final ContextMetrics contextMetrics;
  private final PromptRefiner refiner;
  private final AiProperties properties;
  private final Clock clock;
  private final DetectionStatus detection;

  AiController(
      SystemSettingsRepository settings,
      VisionTargets targets,
      DescriptionChains chains,
      PostgresUsageLedger ledger,
      EventDescriber describer,
      UsageRepository usage,
      ContextMetrics contextMetrics,
      PromptRefiner refiner,
      AiProperties properties,
      Clock clock,
      DetectionStatus detection) {
    this.settings = settings;
    this.targets = targets;
    this.chains = chains;
    this.ledger = ledger;
    this.describer = describer;
    this.usage = usage;
    this.contextMetrics = contextMetrics;
    this.refiner = refiner;
    this.properties = properties;
    this.clock = clock;
    this.detection = detection;
  }

  @GetMapping("/providers")
  @Operation(
      summary = "The AI fallback chain in order, each provider's state",
      description =
          "The models of camera_settings.ai_chain with their provider accounts. state is the"
              + " chain's view on this replica: ok, failing (its last call failed), circuit_open,"
              + " paused_by_cap (a cost cap pauses every description), or unavailable (the link"
              + " cannot take part; problem says why).")
  ChainView providers() {
    Optional<String> paused = ledger.pausedReason();
    List<ChainView.Link> links = new ArrayList<>();
    int position = 1;
    for (ChainLink link : targets.links(AiSettings.of(settings.current()).chain())) {
      ProviderHealth health =
          link.providerId() == null ? null : chains.health(link.providerId().toString());
      String state;
      if (!link.usable()) {
        state = "unavailable";
      } else if (paused.isPresent()) {
        state = "paused_by_cap";
      } else {
        state = health == null ? "ok" : health.state();
      }
      links.add(
          new ChainView.Link(
              position++,
              link.modelId(),
              link.model(),
              link.providerId(),
              link.provider(),
              link.providerType(),
              link.visionCapable(),
              state,
              link.problem(),
              health == null ? null : health.lastError(),
              health == null ? null : health.lastCallAt()));
    }
    return new ChainView(links, paused.orElse(null));
  }

  @PostMapping(value = "/describe", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Describe an uploaded image with the chain (or one model)",
      description =
          "The image as multipart part image (JPEG, PNG, GIF or BMP), with optional parts prompt"
              + " (instead of the default prompt) and model_id (an llm_models id to use instead of"
              + " the chain); or a JSON body {image_base64, prompt?, model_id?}. At most"
              + " ARGUS_API_AI_MAX_IMAGE_SIZE (5 MB); every provider call is an ai_usage row"
              + " (purpose describe) and counts against the cost caps.")
  @ApiResponse(responseCode = "200", description = "The description")
  @ApiResponse(
      responseCode = "409",
      description = "No vision model in the AI chain",
      content = @Content(schema = @Schema(implementation = ChainFailure.class)))
  @ApiResponse(
      responseCode = "413",
      description = "The image exceeds ARGUS_API_AI_MAX_IMAGE_SIZE",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @ApiResponse(
      responseCode = "502",
      description = "Every provider of the chain failed; attempts says how",
      content = @Content(schema = @Schema(implementation = ChainFailure.class)))
  @ApiResponse(
      responseCode = "503",
      description = "A cost cap pauses descriptions (detail names it and when it resumes)",
      content = @Content(schema = @Schema(implementation = ChainFailure.class)))
  ResponseEntity<?> describeUpload(
      @RequestPart(name = "image", required = false) MultipartFile image,
      @RequestParam(name = "prompt", required = false) String prompt,
      @Parameter(description = "An llm_models id to use instead of the chain")
          @RequestParam(name = "model_id", required = false)
          String modelId) {
    if (image == null || image.isEmpty()) {
      throw new ResponseStatusException(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "image is required: send the image as the multipart part image");
    }
    byte[] bytes;
    try {
      bytes = image.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return describe(bytes, "image", prompt, modelId);
  }

  @PostMapping(value = "/describe", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Describe a base64 image with the chain (or one model)")
  @ApiResponse(responseCode = "200", description = "The description")
  @ApiResponse(
      responseCode = "409",
      description = "No vision model in the AI chain",
      content = @Content(schema = @Schema(implementation = ChainFailure.class)))
  @ApiResponse(
      responseCode = "413",
      description = "The image exceeds ARGUS_API_AI_MAX_IMAGE_SIZE",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @ApiResponse(
      responseCode = "502",
      description = "Every provider of the chain failed; attempts says how",
      content = @Content(schema = @Schema(implementation = ChainFailure.class)))
  @ApiResponse(
      responseCode = "503",
      description = "A cost cap pauses descriptions (detail names it and when it resumes)",
      content = @Content(schema = @Schema(implementation = ChainFailure.class)))
  ResponseEntity<?> describeJson(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = DescribeRequest.class)))
          @RequestBody
          JsonNode body) {
    DescribeRequest request = DescribeRequest.of(body);
    return describe(request.image(), "image_base64", request.prompt(), request.modelId());
  }

  private ResponseEntity<?> describe(byte[] bytes, String field, String prompt, String modelId) {
    byte[] jpeg = UploadedImage.jpeg(bytes, properties.maxImageSize().toBytes(), field);
    ChainOutcome outcome;
    try {
      outcome =
          describer.describeImage(
              jpeg,
              RequestFields.optionalText(prompt, "prompt"),
              RequestFields.uuid(modelId, "model_id"));
    } catch (EventDescriber.UnusableModelException e) {
      throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }
    if (outcome.outcome() == ChainOutcome.Outcome.DESCRIBED) {
      return ResponseEntity.ok(ImageDescriptionView.of(outcome));
    }
    return ChainAnswers.failure(outcome);
  }

  @GetMapping("/usage")
  @Operation(
      summary = "Provider calls per UTC day and provider, with the cost caps",
      description =
          "Calls, failures, tokens and cost of ai_usage from from to to (UTC dates, both"
              + " included; default the last 30 days), and the caps against today's and this"
              + " month's spend.")
  UsageView usage(
      @Parameter(description = "First UTC day, e.g. 2026-12-01; default 29 days before to")
          @RequestParam(name = "from", required = false)
          LocalDate from,
      @Parameter(description = "Last UTC day; default today")
          @RequestParam(name = "to", required = false)
          LocalDate to) {
    LocalDate last = to != null ? to : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate first = from != null ? from : last.minusDays(29);
    if (first.isAfter(last)) {
      throw new ResponseStatusException(
          HttpStatus.UNPROCESSABLE_CONTENT, "from must not be after to");
    }
    if (first.plusDays(MAX_USAGE_DAYS).isBefore(last)) {
      throw new ResponseStatusException(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "from and to may be at most " + MAX_USAGE_DAYS + " days apart");
    }
    List<UsageView.Day> days = usage.days(first, last);
    return new UsageView(
        first, last, days, UsageRepository.totals(days), UsageView.Caps.of(ledger.status()));
  }

  @GetMapping("/capabilities")
  @Operation(
      summary = "What each provider account can describe: vision, images per request, image size",
      description =
          "detection says what types camera events: the CPU detector (detector centernet, for"
              + " cameras_with_detector), the AI description (cameras_typed_by_ai), or a Protect"
              + " controller (protect_cameras).")
  CapabilitiesView capabilities() {
    List<CapabilitiesView.Item> items = new ArrayList<>();
    for (VisionTargets.Account account : targets.accounts()) {
      Optional<ProviderType> type = ProviderType.fromId(account.providerType());
      VisionCapabilities capabilities =
          type.map(VisionCapabilities::of).orElse(new VisionCapabilities(false, 0, 0));
      items.add(
          new CapabilitiesView.Item(
              account.id(),
              account.name(),
              account.providerType(),
              capabilities.vision(),
              capabilities.imagesPerRequest(),
              capabilities.maxImageBytes()));
    }
    return new CapabilitiesView(items, detection.current());
  }

  @GetMapping("/context-metrics")
  @Operation(
      summary = "How prompt contexts were built on this replica",
      description =
          "Counted in memory by the replica that answers, since it started: how many contexts,"
              + " how often each source (camera name, time of day, recent similar events)"
              + " contributed, and the time to build one.")
  ContextMetricsView contextMetrics() {
    return ContextMetricsView.of(contextMetrics.snapshot());
  }

  @PostMapping("/refine-prompt")
  @Operation(
      summary = "Improve a description prompt from feedback, with a configured model",
      description =
          "A text request (no image) to model_id, or to the AI chain's models in order until one"
              + " answers; each call is an ai_usage row (purpose refine_prompt) and counts against"
              + " the cost caps. No retries: try again.")
  @ApiResponse(responseCode = "200", description = "The improved prompt")
  @ApiResponse(
      responseCode = "409",
      description = "No vision model in the AI chain",
      content = @Content(schema = @Schema(implementation = ChainFailure.class)))
  @ApiResponse(
      responseCode = "502",
      description = "Every model failed; attempts says how",
      content = @Content(schema = @Schema(implementation = ChainFailure.class)))
  @ApiResponse(
      responseCode = "503",
      description = "A cost cap pauses AI calls (detail names it and when it resumes)",
      content = @Content(schema = @Schema(implementation = ChainFailure.class)))
  ResponseEntity<?> refinePrompt(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = RefinePromptRequest.class)))
          @RequestBody
          JsonNode body) {
    RefinePromptRequest request = RefinePromptRequest.of(body);
    PromptRefiner.Refinement refinement;
    try {
      refinement =
          refiner.refine(
              request.prompt(),
              request.feedback(),
              RequestFields.uuid(request.modelId(), "model_id"));
    } catch (EventDescriber.UnusableModelException e) {
      throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }
    if (refinement.failure() == null) {
      return ResponseEntity.ok(RefinedPromptView.of(refinement));
    }
    HttpStatus status =
        switch (refinement.failure()) {
          case NO_MODEL -> HttpStatus.CONFLICT;
          case PAUSED -> HttpStatus.SERVICE_UNAVAILABLE;
          case FAILED -> HttpStatus.BAD_GATEWAY;
        };
    return ResponseEntity.status(status)
        .body(
            new ChainFailure(
                refinement.error(),
                status.value(),
                refinement.failure() == PromptRefiner.Failure.PAUSED ? "paused" : "failed",
                refinement.attempts()));
  }
}
