package dev.argus.llm.vision;

import dev.argus.llm.client.ProviderType;

/**
 * What a provider type accepts in one vision request.
 *
 * @param vision whether its protocol carries images (and so whether its models may describe)
 * @param imagesPerRequest the most images one request may carry
 * @param maxImageBytes the largest image it accepts
 */
public record VisionCapabilities(boolean vision, int imagesPerRequest, long maxImageBytes) {

  private static final long MB = 1024L * 1024L;

  /**
   * The capabilities of a provider type's protocol: the limits the providers document for their
   * APIs; for servers whose limit depends on the model they run (Ollama, vLLM, llama.cpp, LM
   * Studio, routers), a conservative default a multi-frame event fits in. Whether a given model
   * sees images at all is the model's: the chain finds out from its answer.
   */
  public static VisionCapabilities of(ProviderType type) {
    return switch (type) {
      // OpenAI: up to 500 images and 50 MB of payload per request.
      case OPENAI -> new VisionCapabilities(true, 500, 50 * MB);
      // Azure OpenAI: 10 images per chat request, 20 MB each.
      case AZURE_OPENAI -> new VisionCapabilities(true, 10, 20 * MB);
      // Anthropic API: up to 100 images per request, 5 MB each.
      case ANTHROPIC -> new VisionCapabilities(true, 100, 5 * MB);
      // Gemini: inline data must keep the whole request under 20 MB.
      case GEMINI -> new VisionCapabilities(true, 3600, 20 * MB);
      // xAI: 10 MiB per image.
      case XAI -> new VisionCapabilities(true, 10, 10 * MB);
      // Groq: 5 images per request, 4 MB per base64 image.
      case GROQ -> new VisionCapabilities(true, 5, 4 * MB);
      // Mistral: 8 images per request, 10 MB each.
      case MISTRAL -> new VisionCapabilities(true, 8, 10 * MB);
      // DeepSeek's API chat models take text only.
      case DEEPSEEK -> new VisionCapabilities(false, 0, 0);
      case OLLAMA, VLLM, LLAMACPP, LMSTUDIO, OPENROUTER, TOGETHER, FIREWORKS, OPENAI_COMPATIBLE ->
          new VisionCapabilities(true, 4, 20 * MB);
    };
  }
}
