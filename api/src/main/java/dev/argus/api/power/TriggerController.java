package dev.argus.api.power;

import dev.argus.api.system.ErrorBody;
import dev.argus.contract.commands.CollectorCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/trigger} asks every collector to poll all devices now (a {@code poll_now}
 * command on {@code argus.commands}); {@code GET /api/trigger/status} follows it.
 */
@RestController
@RequestMapping("/api/trigger")
@Tag(name = "trigger")
class TriggerController {

  static final String IN_PROGRESS = "A poll is already in progress.";
  static final String KAFKA_DOWN =
      "The poll could not be triggered: the message broker is unavailable. Try again shortly.";

  private static final Logger log = LoggerFactory.getLogger(TriggerController.class);

  private final PollTriggers triggers;
  private final CommandPublisher commands;
  private final Clock clock;

  TriggerController(PollTriggers triggers, CommandPublisher commands, Clock clock) {
    this.triggers = triggers;
    this.commands = commands;
    this.clock = clock;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Poll all devices now")
  @ApiResponse(responseCode = "202", description = "The poll command is on its way")
  @ApiResponse(
      responseCode = "409",
      description = "A poll is already in progress",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @ApiResponse(
      responseCode = "503",
      description = "Kafka unavailable; nothing was triggered",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  TriggerStatus trigger() {
    if (triggers.settle().isPresent() || triggers.collectorPolling()) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, IN_PROGRESS);
    }
    UUID id =
        triggers
            .open()
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, IN_PROGRESS));
    try {
      commands.publish(
          new CollectorCommand(id.toString(), CollectorCommand.POLL_NOW, clock.instant()));
    } catch (CommandPublisher.UnavailableException e) {
      triggers.undelivered(id, e.getMessage());
      log.warn("Manual poll {} not delivered: {}", id, e.getMessage());
      throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, KAFKA_DOWN);
    }
    return TriggerStatus.ACCEPTED;
  }

  @GetMapping("/status")
  @Operation(summary = "Whether a manual poll is queued or running")
  TriggerStatus status() {
    Optional<PollTriggers.OpenTrigger> open = triggers.settle();
    if (open.isPresent()) {
      return "running".equals(open.get().status()) ? TriggerStatus.RUNNING : TriggerStatus.QUEUED;
    }
    return triggers.collectorPolling() ? TriggerStatus.RUNNING : TriggerStatus.IDLE;
  }
}
