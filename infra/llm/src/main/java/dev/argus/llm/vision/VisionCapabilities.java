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

  /** The capabilities of a provider type's protocol. */
  public static VisionCapabilities of(ProviderType type) {
    throw new UnsupportedOperationException("implemented by the vision work (issue 12)");
  }
}
