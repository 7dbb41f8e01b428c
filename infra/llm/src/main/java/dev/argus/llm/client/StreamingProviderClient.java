package dev.argus.llm.client;

import dev.argus.contract.net.OutboundAddressGuard;
import dev.argus.contract.net.UnsafeDestinationException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * What every protocol shares: the guarded, timed, single streamed request, the model listing's GETs
 * and the connection test. A protocol says where to send, what, and how to read the stream.
 *
 * <p>Each request's host is judged by {@link OutboundAddressGuard} first (loopback and LAN are
 * fine, cloud metadata and link-local are refused). The HTTP client should not follow redirects
 * ({@link ProviderClients#httpClient()} does not): a redirect is reported, not followed.
 */
abstract class StreamingProviderClient implements ProviderClient {

  private static final String USER_AGENT = "argus-llm";

  protected final ProviderSpec spec;
  protected final String base;
  private final HttpClient http;
  private final ProviderClients.Settings settings;

  StreamingProviderClient(
      ProviderSpec spec, String base, HttpClient http, ProviderClients.Settings settings) {
    this.spec = spec;
    this.base = base;
    this.http = http;
    this.settings = settings;
  }

  /** Where a streamed chat request for {@code model} goes. */
  abstract URI chatUri(String model);

  /**
   * Where a non-streamed request for {@code model} goes: the chat path, for every protocol but
   * Gemini, whose streamed and whole answers have paths of their own.
   */
  URI answerUri(String model) {
    return chatUri(model);
  }

  /** The request body of a streamed chat request. */
  abstract String chatBody(ProbeRequest request);

  /** Authentication and protocol headers, sent with every request. */
  abstract Map<String, String> headers();

  abstract TimedEventStream.Framing framing();

  abstract TimedEventStream.Listener reader(StreamTally tally);

  @Override
  public ProviderSpec spec() {
    return spec;
  }

  @Override
  public ProbeMeasurement probe(ProbeRequest request) {
    Instant startedAt = Instant.now();
    URI uri;
    try {
      uri = chatUri(request.model());
    } catch (IllegalArgumentException e) {
      return ProbeMeasurement.notSent(request.model(), startedAt, e.getMessage());
    }
    String refusal = refusal(uri);
    if (refusal != null) {
      return ProbeMeasurement.notSent(request.model(), startedAt, refusal);
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(request.timeout())
            .header("Content-Type", "application/json")
            .header(
                "Accept",
                framing() == TimedEventStream.Framing.SSE
                    ? "text/event-stream"
                    : "application/x-ndjson")
            .header("User-Agent", USER_AGENT)
            .POST(HttpRequest.BodyPublishers.ofString(chatBody(request), StandardCharsets.UTF_8));
    headers().forEach(builder::header);
    HttpRequest httpRequest = builder.build();

    StreamTally tally = new StreamTally();
    MeasuringHandler handler = new MeasuringHandler(framing(), reader(tally));
    long timeoutMillis = request.timeout().toMillis();
    long sent = System.nanoTime();
    CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(httpRequest, handler);
    String failure = null;
    try {
      // The request timeout bounds the wait for headers; this bounds the whole stream.
      exchange.get(request.timeout().toNanos(), TimeUnit.NANOSECONDS);
      if (!handler.successful()) {
        failure = ProviderErrors.httpStatus(handler.status(), handler.errorText(), uri);
      }
    } catch (TimeoutException e) {
      exchange.cancel(true);
      failure = timedOut(tally, handler, sent, timeoutMillis, uri);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      failure = "interrupted before the answer was complete (the collector is stopping)";
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpTimeoutException && handler.headersNanos() < 0) {
        failure = timedOut(tally, handler, sent, timeoutMillis, uri);
      } else if (handler.headersNanos() >= 0 && handler.successful()) {
        failure = "the stream broke off: " + ProviderErrors.firstMessage(cause);
      } else {
        failure = ProviderErrors.transport(cause, uri, timeoutMillis);
      }
    }
    long end = System.nanoTime();
    return tally.measure(
        request.model(),
        startedAt,
        sent,
        handler.status(),
        handler.headersNanos(),
        end,
        failure,
        request.maxTokens());
  }

  @Override
  public ProviderReply send(String model, String jsonBody, Duration timeout) {
    long start = System.nanoTime();
    URI uri;
    try {
      uri = answerUri(model);
    } catch (IllegalArgumentException e) {
      return ProviderReply.failed(null, e.getMessage(), false, 0);
    }
    String refusal = refusal(uri);
    if (refusal != null) {
      return ProviderReply.failed(null, refusal, false, 0);
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("User-Agent", USER_AGENT)
            .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
    headers().forEach(builder::header);
    long timeoutMillis = timeout.toMillis();
    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<byte[]> response;
    try {
      // The request timeout bounds the wait for headers; this bounds the body too.
      response = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      return ProviderReply.failed(
          null,
          "no answer within " + timeoutMillis + " ms from " + uri.getHost(),
          true,
          millisSince(start));
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      return ProviderReply.failed(
          null, "interrupted before the answer came (stopping)", false, millisSince(start));
    } catch (ExecutionException e) {
      return ProviderReply.failed(
          null,
          ProviderErrors.transport(e.getCause(), uri, timeoutMillis),
          true,
          millisSince(start));
    }
    long latency = millisSince(start);
    String body = new String(response.body(), StandardCharsets.UTF_8);
    int status = response.statusCode();
    if (status / 100 != 2) {
      return ProviderReply.failed(
          status,
          ProviderErrors.httpStatus(status, body, uri),
          ProviderReply.retryableStatus(status),
          latency);
    }
    return ProviderReply.answered(status, body, latency);
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  private static String timedOut(
      StreamTally tally, MeasuringHandler handler, long sent, long timeoutMillis, URI uri) {
    if (handler.headersNanos() >= 0 && !handler.successful()) {
      return ProviderErrors.httpStatus(handler.status(), handler.errorText(), uri)
          + " (its body was not complete within the timeout of "
          + timeoutMillis
          + " ms)";
    }
    if (tally.hasTokens()) {
      return "the stream was not finished within the timeout of " + timeoutMillis + " ms";
    }
    if (handler.headersNanos() >= 0) {
      return "the response headers came after "
          + Math.round(StreamTally.millis(handler.headersNanos() - sent))
          + " ms, but no token within the timeout of "
          + timeoutMillis
          + " ms";
    }
    return "no answer within " + timeoutMillis + " ms from " + uri.getHost();
  }

  @Override
  public ConnectionTest test() {
    return test(null);
  }

  @Override
  public ConnectionTest test(String preferredModel) {
    long start = System.nanoTime();
    Map<String, Object> details = new LinkedHashMap<>();
    List<DiscoveredModel> models;
    try {
      models = listModels();
    } catch (ProviderException e) {
      details.put("latency_ms", StreamTally.millis(System.nanoTime() - start));
      details.put("models_found", 0);
      details.put("http_status", e.httpStatus());
      return new ConnectionTest(false, "Could not list the models: " + e.getMessage(), details);
    }
    double listMs = StreamTally.millis(System.nanoTime() - start);
    details.put("models_found", models.size());
    details.put("list_ms", listMs);
    if (models.isEmpty()) {
      details.put("latency_ms", listMs);
      return new ConnectionTest(
          false,
          "The provider answered but lists no models, so none could be tried: check the account,"
              + " or add a model by hand",
          details);
    }
    DiscoveredModel chosen = ModelChoice.pick(models, preferredModel);
    ProbeMeasurement m =
        probe(
            new ProbeRequest(
                chosen.id(),
                PromptPacks.HEALTH_CHECK.prompt(),
                settings.testMaxTokens(),
                settings.testTimeout()));
    details.put("model_tested", chosen.id());
    details.put("latency_ms", m.latencyMs());
    details.put("ttft_ms", m.ttftMs());
    details.put("http_status", m.httpStatus());
    details.put("output_tokens", m.outputTokens());
    details.put("token_source", m.tokenSource() == null ? null : m.tokenSource().id());
    details.put("finish_reason", m.finishReason());
    // A reasoning model may spend a tiny budget thinking, even invisibly, and give no text: it
    // still answered in full, which is what a connection test is to show.
    if (m.success() || m.complete()) {
      return new ConnectionTest(
          true,
          "Connected: "
              + models.size()
              + " models listed; "
              + chosen.id()
              + (m.success()
                  ? " answered in "
                  : " answered with no text within the test's budget of "
                      + settings.testMaxTokens()
                      + " tokens (a reasoning model thinks first) in ")
              + Math.round(m.latencyMs())
              + " ms",
          details);
    }
    details.put("error", m.error());
    return new ConnectionTest(
        false,
        models.size() + " models listed, but " + chosen.id() + " failed: " + m.error(),
        details);
  }

  /** A GET of a listing page, its JSON body (an object, or an array where a server sends one). */
  JsonNode getJson(URI uri) throws ProviderException {
    String refusal = refusal(uri);
    if (refusal != null) {
      throw new ProviderException(refusal, null);
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(settings.listTimeout())
            .header("Accept", "application/json")
            .header("User-Agent", USER_AGENT)
            .GET();
    headers().forEach(builder::header);
    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<byte[]> response;
    long timeoutMillis = settings.listTimeout().toMillis();
    try {
      response = exchange.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new ProviderException(
          "no answer within " + timeoutMillis + " ms from " + uri.getHost(), null);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new ProviderException("interrupted while listing models", null);
    } catch (ExecutionException e) {
      throw new ProviderException(ProviderErrors.transport(e.getCause(), uri, timeoutMillis), null);
    }
    String body = new String(response.body(), StandardCharsets.UTF_8);
    if (response.statusCode() / 100 != 2) {
      throw new ProviderException(
          ProviderErrors.httpStatus(response.statusCode(), body, uri), response.statusCode());
    }
    JsonNode json = Json.parse(body);
    if (json == null || !json.isContainer()) {
      throw new ProviderException(
          "the model list from " + uri.getHost() + " is not JSON: " + ProviderErrors.clip(body),
          response.statusCode());
    }
    return json;
  }

  /** Every page of a cursor-paged listing, guarding against a cursor that does not move. */
  List<DiscoveredModel> pages(PageReader reader) throws ProviderException {
    List<DiscoveredModel> all = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < settings.maxModelPages(); page++) {
      JsonNode json = getJson(reader.uri(cursor));
      all.addAll(reader.models(json));
      String next = reader.next(json);
      if (next == null || next.isBlank()) {
        return all;
      }
      if (next.equals(cursor)) {
        throw new ProviderException(
            "the model list repeats its page cursor '"
                + next
                + "'; stopped after page "
                + (page + 1),
            null);
      }
      cursor = next;
    }
    throw new ProviderException(
        "the model list has more than " + settings.maxModelPages() + " pages; stopped there", null);
  }

  /** One cursor-paged listing's shape. */
  interface PageReader {
    URI uri(String cursor);

    List<DiscoveredModel> models(JsonNode page);

    /** The next page's cursor, or null after the last page. */
    String next(JsonNode page);
  }

  /** Why {@code uri}'s host may not be connected to, or null when it may. */
  static String refusal(URI uri) {
    try {
      OutboundAddressGuard.resolve("base_url", uri.getHost());
      return null;
    } catch (UnknownHostException e) {
      return "cannot resolve " + uri.getHost() + " (unknown host)";
    } catch (UnsafeDestinationException e) {
      return e.getMessage();
    }
  }
}
