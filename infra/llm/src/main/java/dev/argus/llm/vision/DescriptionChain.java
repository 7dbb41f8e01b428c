package dev.argus.llm.vision;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Describes images with the first provider of an ordered chain that answers: a per-call timeout,
 * retries with exponential backoff on 429/5xx/timeouts, then the next provider; a resilience4j
 * circuit breaker per provider skips one that keeps failing; the {@link UsageLedger} records every
 * call and pauses the chain when a cost cap is reached. Thread-safe; one per process.
 *
 * <p>Every HTTP call, retries included, counts for its provider's breaker (count-based window;
 * after {@link ChainSettings#openFor()} one trial call decides whether it closes again), so a
 * provider that keeps answering 429 is skipped without a request until then. A provider skipped
 * because its circuit is open or its type takes no images is an attempt line, not a call.
 */
public final class DescriptionChain {

  private final PriceTable prices;
  private final UsageLedger ledger;
  private final VisionCaller caller;
  private final CircuitBreakerRegistry breakers;
  private final RetryConfig retryConfig;
  private final Map<String, LastCall> lastCalls = new ConcurrentHashMap<>();

  /** The last call to a provider, for {@link #health}. */
  private record LastCall(boolean success, String error, Instant at) {}

  public DescriptionChain(
      ChainSettings settings, PriceTable prices, UsageLedger ledger, HttpClient http) {
    this.prices = prices;
    this.ledger = ledger;
    this.caller = new VisionCaller(http, settings.callTimeout());
    this.breakers =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(Math.max(settings.minimumCalls(), 10))
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    this.retryConfig =
        RetryConfig.<Attempt>custom()
            .maxAttempts(settings.maxRetries() + 1)
            .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.firstBackoff(), 2.0))
            .retryOnResult(Attempt::retryable)
            // Attempts report failures as results; an exception is the ledger's, not the
            // provider's, and is not retried.
            .retryOnException(e -> false)
            .build();
  }

  /** Tries {@code chain} in order; never throws for anything a provider does. */
  public ChainOutcome describe(List<VisionTarget> chain, VisionRequest request) {
    long start = System.nanoTime();
    Optional<String> paused = ledger.pausedReason();
    if (paused.isPresent()) {
      return new ChainOutcome(
          ChainOutcome.Outcome.PAUSED,
          null,
          List.of(),
          "descriptions are paused: " + paused.get(),
          0);
    }
    if (chain.isEmpty()) {
      return new ChainOutcome(
          ChainOutcome.Outcome.FAILED,
          null,
          List.of(),
          "no vision provider is configured: add a vision-capable model to the AI chain",
          0);
    }
    List<String> attempts = new ArrayList<>();
    String lastError = null;
    for (VisionTarget target : chain) {
      String label = target.providerName() + "/" + target.modelId();
      String unfit = unfit(target, request);
      if (unfit != null) {
        attempts.add(label + ": skipped, " + unfit);
        lastError = label + ": " + unfit;
        continue;
      }
      Attempt attempt = tryTarget(target, request, label, attempts);
      if (attempt.answer() != null) {
        return new ChainOutcome(
            ChainOutcome.Outcome.DESCRIBED, attempt.answer(), attempts, null, millisSince(start));
      }
      lastError = label + ": " + attempt.error();
    }
    return new ChainOutcome(
        ChainOutcome.Outcome.FAILED,
        null,
        attempts,
        "every provider of the chain failed; the last: " + lastError,
        millisSince(start));
  }

  /**
   * The state of a provider (account UUID) the chain has called, or {@code ok} if never: {@code
   * circuit_open} while its breaker is open (until the trial call after {@code openFor}), {@code
   * failing} when its last call failed, else {@code ok}.
   */
  public ProviderHealth health(String providerId) {
    LastCall last = lastCalls.get(providerId);
    Instant at = last == null ? null : last.at();
    String error = last == null ? null : last.error();
    boolean open =
        breakers
            .find(providerId)
            .map(CircuitBreaker::getState)
            .filter(s -> s == CircuitBreaker.State.OPEN || s == CircuitBreaker.State.FORCED_OPEN)
            .isPresent();
    if (open) {
      return new ProviderHealth(providerId, "circuit_open", error, at);
    }
    if (last != null && !last.success()) {
      return new ProviderHealth(providerId, "failing", error, at);
    }
    return new ProviderHealth(providerId, "ok", null, at);
  }

  /** One target with its retries: an answer, or the last failure. */
  private Attempt tryTarget(
      VisionTarget target, VisionRequest request, String label, List<String> attempts) {
    VisionCapabilities capabilities = VisionCapabilities.of(target.spec().type());
    List<String> frames =
        FrameSelection.evenly(request.jpegs(), capabilities.imagesPerRequest()).stream()
            .map(Base64.getEncoder()::encodeToString)
            .toList();
    CircuitBreaker breaker = breakers.circuitBreaker(target.providerId());
    Retry retry = Retry.of(target.providerId(), retryConfig);
    int tries = retryConfig.getMaxAttempts();
    AtomicInteger tried = new AtomicInteger();
    return retry.executeSupplier(
        () -> {
          int attempt = tried.incrementAndGet();
          String tryNote = tries > 1 ? " (try " + attempt + " of " + tries + ")" : "";
          if (!breaker.tryAcquirePermission()) {
            attempts.add(label + ": circuit open" + (attempt > 1 ? tryNote : ""));
            return Attempt.failed("circuit open", false);
          }
          Attempt result = call(target, request, frames, breaker);
          attempts.add(
              label
                  + ": "
                  + (result.answer() != null
                      ? "ok in " + result.answer().latencyMs() + " ms"
                      : result.error())
                  + tryNote);
          return result;
        });
  }

  private Attempt call(
      VisionTarget target, VisionRequest request, List<String> frames, CircuitBreaker breaker) {
    VisionCaller.Result result = caller.call(target, request.prompt(), frames, request.maxTokens());
    String error = result.error();
    AnswerReader.Reading reading = null;
    if (result.success()) {
      reading = AnswerReader.read(result.text());
      if (reading.description().isBlank()) {
        error = "the answer holds no description";
      }
    }
    boolean success = error == null;
    if (success) {
      breaker.onSuccess(result.latencyMs(), TimeUnit.MILLISECONDS);
    } else {
      breaker.onError(result.latencyMs(), TimeUnit.MILLISECONDS, new ProviderFailure(error));
    }
    Double cost =
        success
            ? prices.costUsd(
                target.spec().type().id(),
                target.modelId(),
                result.inputTokens(),
                result.outputTokens())
            : null;
    lastCalls.put(target.providerId(), new LastCall(success, error, Instant.now()));
    ledger.record(
        new CallRecord(
            target.providerId(),
            target.providerName(),
            target.modelId(),
            success,
            result.inputTokens(),
            result.outputTokens(),
            cost,
            result.latencyMs(),
            error));
    if (!success) {
      return Attempt.failed(error, result.retryable());
    }
    return Attempt.answered(
        new VisionAnswer(
            reading.description(),
            reading.detectionType(),
            reading.objects(),
            target.providerId(),
            target.providerName(),
            target.modelId(),
            result.inputTokens(),
            result.outputTokens(),
            cost,
            result.latencyMs()));
  }

  /** Why a target cannot take this request at all, or null when it can. */
  private static String unfit(VisionTarget target, VisionRequest request) {
    VisionCapabilities capabilities = VisionCapabilities.of(target.spec().type());
    if (!capabilities.vision()) {
      return "provider type " + target.spec().type().id() + " takes no images";
    }
    for (byte[] jpeg : request.jpegs()) {
      if (jpeg.length > capabilities.maxImageBytes()) {
        return "a frame of "
            + jpeg.length
            + " bytes is larger than the "
            + capabilities.maxImageBytes()
            + " bytes provider type "
            + target.spec().type().id()
            + " accepts";
      }
    }
    return null;
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  /** One try's outcome as the retry sees it. */
  private record Attempt(VisionAnswer answer, String error, boolean retryable) {

    static Attempt answered(VisionAnswer answer) {
      return new Attempt(answer, null, false);
    }

    static Attempt failed(String error, boolean retryable) {
      return new Attempt(null, error, retryable);
    }
  }

  /** A failed call as the circuit breaker counts it. */
  private static final class ProviderFailure extends RuntimeException {
    ProviderFailure(String message) {
      super(message, null, false, false);
    }
  }
}
