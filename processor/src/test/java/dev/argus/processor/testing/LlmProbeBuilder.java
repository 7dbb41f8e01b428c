package dev.argus.processor.testing;

import dev.argus.contract.llm.LlmProbeReading;
import java.time.Instant;

/**
 * Builds LLM probe readings for tests: a monitoring probe of an OpenAI model {@code gpt-4.1} that
 * answered (TTFT 100 ms, latency 1 s, 50 tokens/s, thresholds 5 s and 30 s) unless told otherwise.
 * The reading id is derived from model and time, so the same probe built twice is a duplicate.
 *
 * <pre>{@code LlmProbeBuilder.model(id).at(t).down("HTTP 500").build()}</pre>
 */
public final class LlmProbeBuilder {

  public static final String PROVIDER = "0000000a-0000-0000-0000-000000000001";

  private final String modelId;
  private String modelName = "gpt-4.1";
  private String displayName;
  private String providerId = PROVIDER;
  private String providerType = "openai";
  private String runId = "run-1";
  private Instant timestamp = Instant.parse("2026-05-27T10:00:00Z");
  private Integer iteration;
  private boolean success = true;
  private String error;
  private Integer httpStatus = 200;
  private Double ttftMs = 100.0;
  private Double latencyMs = 1000.0;
  private Double tpotMs = 10.0;
  private Double tps = 50.0;
  private int outputChars = 42;
  private boolean truncated;

  private LlmProbeBuilder(String modelId) {
    this.modelId = modelId;
  }

  public static LlmProbeBuilder model(String modelId) {
    return new LlmProbeBuilder(modelId);
  }

  public LlmProbeBuilder named(String modelName) {
    this.modelName = modelName;
    return this;
  }

  public LlmProbeBuilder displayName(String displayName) {
    this.displayName = displayName;
    return this;
  }

  public LlmProbeBuilder provider(String providerId, String providerType) {
    this.providerId = providerId;
    this.providerType = providerType;
    return this;
  }

  public LlmProbeBuilder run(String runId) {
    this.runId = runId;
    return this;
  }

  public LlmProbeBuilder at(Instant timestamp) {
    this.timestamp = timestamp;
    return this;
  }

  /** A benchmark request's number (a monitoring probe has none). */
  public LlmProbeBuilder iteration(int iteration) {
    this.iteration = iteration;
    return this;
  }

  /** A failed request: no answer, the provider's error. */
  public LlmProbeBuilder down(String error) {
    this.success = false;
    this.error = error;
    this.httpStatus = 500;
    this.ttftMs = null;
    this.latencyMs = null;
    this.tpotMs = null;
    this.tps = null;
    this.outputChars = 0;
    return this;
  }

  public LlmProbeBuilder ttft(Double ttftMs) {
    this.ttftMs = ttftMs;
    return this;
  }

  public LlmProbeBuilder latency(Double latencyMs) {
    this.latencyMs = latencyMs;
    return this;
  }

  public LlmProbeBuilder tpot(Double tpotMs) {
    this.tpotMs = tpotMs;
    return this;
  }

  public LlmProbeBuilder tps(Double tps) {
    this.tps = tps;
    return this;
  }

  /** Completed without an error but with no answer text (e.g. a budget spent on reasoning). */
  public LlmProbeBuilder emptyAnswer() {
    this.outputChars = 0;
    return this;
  }

  public LlmProbeBuilder truncated() {
    this.truncated = true;
    return this;
  }

  public LlmProbeReading build() {
    return new LlmProbeReading(
        LlmProbeReading.SCHEMA_VERSION,
        modelId + "@" + timestamp + (iteration == null ? "" : "#" + iteration),
        runId,
        modelId,
        modelName,
        displayName,
        providerId,
        providerType,
        "collector-1",
        timestamp,
        iteration,
        success,
        error,
        httpStatus,
        ttftMs,
        ttftMs,
        latencyMs,
        tpotMs,
        tps,
        success ? 40 : null,
        success ? 12 : null,
        null,
        success ? "usage" : null,
        outputChars,
        truncated,
        success ? "stop" : null,
        5_000,
        30_000);
  }
}
