package dev.argus.llm.client;

/** Where a measurement's token counts come from. */
public enum TokenSource {
  /** The provider's own usage figures. */
  USAGE("usage"),
  /**
   * Counted from the stream: one token per chunk that carried text. A lower bound, as a chunk can
   * hold several tokens (speculative decoding, servers that batch).
   */
  CHUNKS("chunks");

  private final String id;

  TokenSource(String id) {
    this.id = id;
  }

  /** {@code usage} or {@code chunks}, as readings and the api carry it. */
  public String id() {
    return id;
  }
}
