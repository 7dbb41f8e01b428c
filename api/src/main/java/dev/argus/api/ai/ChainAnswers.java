package dev.argus.api.ai;

import dev.argus.llm.vision.ChainOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** How a chain outcome without a description is answered: 409, 502 or 503 with the attempts. */
final class ChainAnswers {

  private ChainAnswers() {}

  static ResponseEntity<ChainFailure> failure(ChainOutcome outcome) {
    HttpStatus status;
    if (outcome.outcome() == ChainOutcome.Outcome.PAUSED) {
      status = HttpStatus.SERVICE_UNAVAILABLE;
    } else if (EventDescriber.NO_CHAIN.equals(outcome.error())) {
      status = HttpStatus.CONFLICT;
    } else {
      status = HttpStatus.BAD_GATEWAY;
    }
    String detail = outcome.error() == null ? "no provider described the image" : outcome.error();
    return ResponseEntity.status(status)
        .body(
            new ChainFailure(
                detail, status.value(), outcome.outcome().wireName(), outcome.attempts()));
  }
}
