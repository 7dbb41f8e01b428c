package dev.argus.api.llm.benchmarks;

import dev.argus.contract.llm.BenchmarkEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client's view of one benchmark run. It first replays what already happened (the stored
 * results and progress, then the feed's recent events), holding back live events that arrive
 * meanwhile, and then passes live events on. A result is sent once whichever way it came (by its
 * reading id); progress never goes backwards; {@code complete} or {@code error} ends the stream.
 *
 * <p>Messages are JSON objects with a {@code type}: {@code progress} ({@code completed}, {@code
 * total}, {@code current_model}), {@code result} ({@code data}: the result's fields), {@code
 * complete}, {@code error} ({@code message}) and {@code ping}.
 */
final class BenchmarkStream {

  private final String runId;
  private final WebSocketSession session;
  private final JsonMapper json;
  private final Clock clock;
  private final Set<String> sentResults = new HashSet<>();
  private final List<BenchmarkEvent> heldBack = new ArrayList<>();
  private boolean replayed;
  private boolean ended;
  private int completed = -1;
  private int total;
  private String currentModel;
  private Instant lastSent;

  BenchmarkStream(String runId, WebSocketSession session, JsonMapper json, Clock clock) {
    this.runId = runId;
    this.session = session;
    this.json = json;
    this.clock = clock;
    this.lastSent = clock.instant();
  }

  String runId() {
    return runId;
  }

  /**
   * What already happened: the stored results, the stored progress, then the feed's recent events
   * (some of which the database may not have yet); then the events held back meanwhile.
   */
  synchronized void replay(
      BenchmarkRun run, List<BenchmarkResult> stored, List<BenchmarkEvent> recent, Instant now) {
    total = run.total();
    for (BenchmarkResult result : stored) {
      sendResult(result, now);
      currentModel = result.modelId();
    }
    progress(run.completed(), run.total(), currentModel, now);
    for (BenchmarkEvent event : recent) {
      handle(event, now);
    }
    if (!ended && BenchmarkRun.COMPLETED.equals(run.status())) {
      complete(now);
    } else if (!ended && BenchmarkRun.FAILED.equals(run.status())) {
      fail(run.error(), now);
    }
    replayed = true;
    for (BenchmarkEvent event : heldBack) {
      handle(event, now);
    }
    heldBack.clear();
  }

  /** A live event of this run, from the feed. */
  synchronized void live(BenchmarkEvent event) {
    if (!replayed) {
      heldBack.add(event);
    } else {
      handle(event, clock.instant());
    }
  }

  synchronized void pong(Instant now) {
    sendText("pong", now);
  }

  /** Sends {@code {"type": "ping"}} when nothing was sent for {@code interval}. */
  synchronized void pingIfQuiet(Instant now, Duration interval) {
    if (!ended && !lastSent.plus(interval).isAfter(now)) {
      send(Map.of("type", "ping"), now);
    }
  }

  /** Sends an error and closes the stream, e.g. for an unknown run or a failure of the server. */
  synchronized void abort(String message, CloseStatus status, Instant now) {
    send(error(message), now);
    close(status);
  }

  private void handle(BenchmarkEvent event, Instant now) {
    if (ended) {
      return;
    }
    switch (event.type()) {
      case BenchmarkEvent.RESULT -> {
        sendResult(BenchmarkResult.of(runId, event.result()), now);
        progress(event.completed(), event.total(), event.currentModel(), now);
      }
      case BenchmarkEvent.STARTED ->
          progress(event.completed(), event.total(), event.currentModel(), now);
      case BenchmarkEvent.COMPLETED -> {
        progress(event.completed(), event.total(), event.currentModel(), now);
        complete(now);
      }
      case BenchmarkEvent.FAILED -> fail(event.error(), now);
      default -> {
        // A newer event type this version does not know: nothing to tell the client.
      }
    }
  }

  private void sendResult(BenchmarkResult result, Instant now) {
    if (sentResults.add(result.id())) {
      Map<String, Object> message = new LinkedHashMap<>();
      message.put("type", "result");
      message.put("run_id", runId);
      message.put("data", result);
      send(message, now);
    }
  }

  private void progress(int done, int of, String model, Instant now) {
    if (done < completed) {
      return;
    }
    completed = done;
    if (of > 0) {
      total = of;
    }
    if (model != null) {
      currentModel = model;
    }
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("type", "progress");
    message.put("run_id", runId);
    message.put("completed", completed);
    message.put("total", total);
    message.put("current_model", currentModel);
    send(message, now);
  }

  private void complete(Instant now) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("type", "complete");
    message.put("run_id", runId);
    message.put("status", BenchmarkRun.COMPLETED);
    message.put("completed", Math.max(completed, 0));
    message.put("total", total);
    send(message, now);
    close(CloseStatus.NORMAL);
  }

  private void fail(String why, Instant now) {
    send(error(why == null || why.isBlank() ? "The benchmark run failed" : why), now);
    close(CloseStatus.NORMAL);
  }

  private Map<String, Object> error(String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", "error");
    error.put("run_id", runId);
    error.put("message", message);
    return error;
  }

  private void send(Map<String, Object> message, Instant now) {
    sendText(json.writeValueAsString(message), now);
  }

  private void sendText(String text, Instant now) {
    if (ended || !session.isOpen()) {
      return;
    }
    try {
      session.sendMessage(new TextMessage(text));
      lastSent = now;
    } catch (IOException | IllegalStateException e) {
      // The client went away or cannot keep up: the connection is over.
      close(CloseStatus.SESSION_NOT_RELIABLE);
    }
  }

  private void close(CloseStatus status) {
    ended = true;
    try {
      session.close(status);
    } catch (IOException e) {
      // Already closed by the other side.
    }
  }
}
