package dev.argus.api.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Remembers that PostgreSQL refused a write for lack of disk space, so that the health endpoints
 * can say so: a full disk leaves reads (and the health check's own query) working, and no SQL query
 * tells the free space of the server's volume. Any part of the api that sees the refusal (a
 * request, the key checks) reports it here; the memory fades {@link #MEMORY} after the last
 * refusal, since nothing else tells that space was freed.
 */
@Component
public class DatabaseSpace {

  /** How long health reports a full disk after the last refusal; about a minute, as a poll. */
  static final Duration MEMORY = Duration.ofSeconds(60);

  private static final Logger log = LoggerFactory.getLogger(DatabaseSpace.class);

  /** The newest refusal: when, and PostgreSQL's words. */
  public record Refusal(Instant at, String message) {}

  private final Clock clock;
  private volatile Refusal last;

  DatabaseSpace(Clock clock) {
    this.clock = clock;
  }

  /**
   * Records {@code failure} when it is a refusal for lack of space; returns whether it was. Logged
   * once per minute of refusals, not once per request.
   */
  public boolean recordIfOutOfSpace(Throwable failure) {
    if (!DatabaseFailures.isOutOfSpace(failure)) {
      return false;
    }
    Instant now = clock.instant();
    Refusal before = last;
    last = new Refusal(now, innermostMessage(failure));
    if (before == null || Duration.between(before.at(), now).compareTo(MEMORY) > 0) {
      log.error(
          "PostgreSQL is out of disk space and refuses writes ({}); writes answer 503 until space"
              + " is freed on its volume",
          last.message());
    }
    return true;
  }

  /** The newest refusal if it is recent, i.e. the disk is probably still full. */
  public Optional<Refusal> recentRefusal() {
    Refusal refusal = last;
    if (refusal == null || Duration.between(refusal.at(), clock.instant()).compareTo(MEMORY) > 0) {
      return Optional.empty();
    }
    return Optional.of(refusal);
  }

  private static String innermostMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.replaceAll("\\s+", " ").strip();
  }
}
