/**
 * AI descriptions of camera frames: one vision request per provider protocol (OpenAI-compatible,
 * Azure, Anthropic, Gemini, Ollama), the description prompt and a tolerant reading of its answer,
 * the price table, and {@link dev.argus.llm.vision.DescriptionChain}: an ordered fallback over
 * models with a per-call timeout, retries with backoff, a resilience4j circuit breaker per provider
 * and cost caps. JDK HTTP client; no Spring, no Kafka.
 */
package dev.argus.llm.vision;
