package dev.argus.api.ai;

import dev.argus.api.system.UploadLimits;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The api's AI settings, bound from {@code argus.api.ai.*} (environment variables in
 * application.yml); what the chain does (models, timeout, retries, caps, prompt) is in {@code
 * camera_settings}, changed through the api at run time.
 *
 * @param describerEnabled {@code ARGUS_API_DESCRIBER_ENABLED}: whether this replica describes
 *     camera events (consumer group {@code argus-describer})
 * @param describerConcurrency {@code ARGUS_API_DESCRIBER_CONCURRENCY}: descriptions in flight at
 *     once on this replica (records per poll; each on a virtual thread)
 * @param describerAutoOffsetReset {@code ARGUS_API_DESCRIBER_AUTO_OFFSET_RESET}: where a new group
 *     starts, {@code earliest} (default: events raised before the first start are described) or
 *     {@code latest}
 * @param maxImageSize {@code ARGUS_API_AI_MAX_IMAGE_SIZE}: the largest image POST
 *     /api/v1/ai/describe accepts (413 above)
 * @param answerMaxTokens {@code ARGUS_API_AI_ANSWER_MAX_TOKENS}: the token budget of a description
 */
@ConfigurationProperties("argus.api.ai")
public record AiProperties(
    boolean describerEnabled,
    int describerConcurrency,
    String describerAutoOffsetReset,
    DataSize maxImageSize,
    int answerMaxTokens) {

  public AiProperties {
    if (describerConcurrency < 1 || describerConcurrency > 64) {
      throw new IllegalArgumentException(
          "argus.api.ai.describer-concurrency (ARGUS_API_DESCRIBER_CONCURRENCY) must be between 1"
              + " and 64, got "
              + describerConcurrency);
    }
    if (!Set.of("latest", "earliest").contains(describerAutoOffsetReset)) {
      throw new IllegalArgumentException(
          "argus.api.ai.describer-auto-offset-reset (ARGUS_API_DESCRIBER_AUTO_OFFSET_RESET) must"
              + " be latest or earliest, got '"
              + describerAutoOffsetReset
              + "'");
    }
    if (maxImageSize == null
        || maxImageSize.toBytes() < 1024
        || maxImageSize.toBytes() > UploadLimits.IMAGE_BODY_MAX_BYTES / 2) {
      throw new IllegalArgumentException(
          "argus.api.ai.max-image-size (ARGUS_API_AI_MAX_IMAGE_SIZE) must be between 1KB and "
              + UploadLimits.IMAGE_BODY_MAX_BYTES / 2 / 1024 / 1024
              + "MB, got "
              + maxImageSize);
    }
    if (answerMaxTokens < 16 || answerMaxTokens > 8192) {
      throw new IllegalArgumentException(
          "argus.api.ai.answer-max-tokens (ARGUS_API_AI_ANSWER_MAX_TOKENS) must be between 16 and"
              + " 8192, got "
              + answerMaxTokens);
    }
  }
}
