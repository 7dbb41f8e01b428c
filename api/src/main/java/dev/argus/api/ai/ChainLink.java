package dev.argus.api.ai;

import dev.argus.llm.vision.VisionTarget;
import java.util.UUID;

/**
 * One entry of {@code camera_settings.ai_chain} as the api found it: the model, its provider
 * account and whether it can describe.
 *
 * @param target the link the chain calls (credentials decrypted); null when it cannot take part
 * @param problem why it cannot take part (model gone, provider disabled, no vision, credentials
 *     that cannot be decrypted); null when it can
 */
record ChainLink(
    UUID modelId,
    String model,
    UUID providerId,
    String provider,
    String providerType,
    boolean visionCapable,
    VisionTarget target,
    String problem) {

  boolean usable() {
    return target != null;
  }
}
