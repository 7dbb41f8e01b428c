package dev.argus.api.alerts;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a notification with retries (exponential backoff, only for failures that may pass) inside a
 * circuit breaker per provider name: a notification that failed all its attempts counts once
 * towards opening the circuit, and while it is open the provider is skipped without being called,
 * so one dead provider does not hold up the others for every event. The breakers live in this
 * process; each replica learns a provider's health on its own.
 */
class ResilientDelivery {

  /** How one notification went: outcome, attempts made and the last error. */
  record Result(DeliveryOutcome outcome, int attempts, String error) {}

  private final AlertSenders senders;
  private final RetryRegistry retries;
  private final CircuitBreakerRegistry breakers;

  ResilientDelivery(AlertSenders senders, AlertProperties properties) {
    this.senders = senders;
    this.retries =
        RetryRegistry.of(
            RetryConfig.custom()
                .maxAttempts(properties.retryAttempts())
                .intervalFunction(
                    IntervalFunction.ofExponentialBackoff(properties.retryInitialBackoff(), 2.0))
                .retryOnException(e -> e instanceof DeliveryException d && d.retryable())
                .build());
    this.breakers =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(properties.circuitMinimumCalls())
                .failureRateThreshold(50)
                .waitDurationInOpenState(properties.circuitOpenDuration())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
  }

  Result deliver(AlertProvider provider, AlertMessage message) {
    AtomicInteger attempts = new AtomicInteger();
    Retry retry = retries.retry(provider.name());
    CircuitBreaker breaker = breakers.circuitBreaker(provider.name());
    try {
      CircuitBreaker.decorateCheckedSupplier(
              breaker,
              Retry.decorateCheckedSupplier(
                  retry,
                  () -> {
                    attempts.incrementAndGet();
                    senders.send(provider, message);
                    return null;
                  }))
          .get();
      return new Result(DeliveryOutcome.SENT, attempts.get(), null);
    } catch (CallNotPermittedException e) {
      return new Result(
          DeliveryOutcome.CIRCUIT_OPEN,
          0,
          "circuit open after repeated failures of '" + provider.name() + "'");
    } catch (DeliveryException e) {
      return new Result(DeliveryOutcome.FAILED, attempts.get(), e.getMessage());
    } catch (RuntimeException e) {
      return new Result(DeliveryOutcome.FAILED, attempts.get(), e.toString());
    } catch (Throwable e) {
      throw new IllegalStateException("Unexpected failure delivering an alert", e);
    }
  }

  /** A single attempt, past retries and circuit breaker: a test should show the truth now. */
  Result deliverOnce(AlertProvider provider, AlertMessage message) {
    try {
      senders.send(provider, message);
      return new Result(DeliveryOutcome.SENT, 1, null);
    } catch (DeliveryException e) {
      return new Result(DeliveryOutcome.FAILED, 1, e.getMessage());
    } catch (RuntimeException e) {
      return new Result(DeliveryOutcome.FAILED, 1, e.toString());
    }
  }
}
