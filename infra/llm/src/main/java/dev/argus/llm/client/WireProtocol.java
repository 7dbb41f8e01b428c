package dev.argus.llm.client;

/**
 * The streaming wire protocols Argus speaks to LLM providers (see {@code LLM-MONITORING.md}). Many
 * provider types share one protocol: every OpenAI-compatible server speaks {@link #OPENAI}.
 */
public enum WireProtocol {
  /** {@code POST {base}/v1/chat/completions}, SSE {@code data:} chunks ending in {@code [DONE]}. */
  OPENAI("openai"),
  /** The OpenAI protocol on Azure's deployment path, with an {@code api-key} header. */
  AZURE_OPENAI("azure_openai"),
  /** {@code POST {base}/v1/messages}, named SSE events ending in {@code message_stop}. */
  ANTHROPIC("anthropic"),
  /** {@code POST {base}/api/chat}, NDJSON lines ending in one with {@code done: true}. */
  OLLAMA("ollama"),
  /** {@code POST {base}/v1beta/models/{model}:streamGenerateContent?alt=sse}, no {@code [DONE]}. */
  GEMINI("gemini");

  private final String id;

  WireProtocol(String id) {
    this.id = id;
  }

  /** The protocol's name in the catalog and in readings. */
  public String id() {
    return id;
  }
}
