package dev.argus.llm.client;

import java.time.Duration;
import java.util.List;

/**
 * One provider account's client, made by {@link ProviderClients#create}. Thread-safe: probes of
 * different models may run at once (the caller bounds how many per provider).
 */
public interface ProviderClient {

  ProviderSpec spec();

  /**
   * Sends one streamed request and measures it. Never retries; never throws for anything the
   * provider does (HTTP errors, error events, a cut stream, a timeout, a refused connection or
   * address): those are a measurement with {@code success == false} and the error.
   */
  ProbeMeasurement probe(ProbeRequest request);

  /**
   * Sends one <em>non-streamed</em> request to {@code model}'s answer endpoint ({@code
   * /v1/chat/completions}, Azure's deployment path, {@code /v1/messages}, {@code /api/chat},
   * Gemini's {@code :generateContent}) with the account's authentication headers, the body written
   * by the caller in the protocol's format. {@code timeout} bounds the whole exchange, body
   * included. Never retries; never throws for anything the provider does: an HTTP error, a timeout,
   * a refused connection or address is a reply with {@code error} and whether it is {@link
   * ProviderReply#retryable()}.
   */
  ProviderReply send(String model, String jsonBody, Duration timeout);

  /**
   * Every model the provider lists, every page read.
   *
   * @throws ProviderException with the provider's own error when the listing fails
   */
  List<DiscoveredModel> listModels() throws ProviderException;

  /**
   * Lists the models, then probes one of them (a chat model, a small one where the names say so)
   * with a tiny budget. Never throws.
   */
  ConnectionTest test();

  /**
   * As {@link #test()}, probing {@code preferredModel} when the listing has it (e.g. a model the
   * user monitors), else choosing one from the listing.
   */
  ConnectionTest test(String preferredModel);
}
