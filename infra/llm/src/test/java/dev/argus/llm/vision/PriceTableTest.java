package dev.argus.llm.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.argus.llm.client.ProviderType;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceTableTest {

  private final PriceTable prices = PriceTable.defaults();

  @Test
  void theLongestPrefixPricesADatedModelId() {
    // gpt-4o-mini, not gpt-4o: $0.15 in, $0.60 out per million
    assertThat(prices.costUsd("openai", "gpt-4o-mini-2024-07-18", 1_000_000, 1_000_000))
        .isCloseTo(0.75, within(1e-9));
    assertThat(prices.costUsd("openai", "gpt-4o-2024-08-06", 1000, 500))
        .isCloseTo((1000 * 2.50 + 500 * 10.00) / 1e6, within(1e-12));
    assertThat(prices.costUsd("anthropic", "claude-haiku-4-5-20251001", 2000, 100))
        .isCloseTo((2000 * 1.00 + 100 * 5.00) / 1e6, within(1e-12));
    assertThat(prices.costUsd("gemini", "gemini-2.5-flash-lite", 1_000_000, 0))
        .isCloseTo(0.10, within(1e-9));
    assertThat(prices.costUsd("xai", "grok-4-fast-non-reasoning", 1_000_000, 0))
        .isCloseTo(0.20, within(1e-9));
  }

  @Test
  void aVendorPrefixIsLeftOut() {
    assertThat(prices.costUsd("openrouter", "openai/gpt-4o-mini", 1_000_000, 0))
        .isCloseTo(0.15, within(1e-9));
    assertThat(prices.costUsd("gemini", "models/gemini-2.5-pro", 1_000_000, 0))
        .isCloseTo(1.25, within(1e-9));
  }

  @Test
  void localServersCostNothingAndUnknownModelsHaveNoPrice() {
    assertThat(prices.costUsd("ollama", "llava:13b", 5000, 300)).isZero();
    assertThat(prices.costUsd("vllm", "Qwen/Qwen2.5-VL-7B-Instruct", 5000, 300)).isZero();
    assertThat(prices.costUsd("openai_compatible", "some-local-model", 5000, 300)).isZero();
    assertThat(prices.costUsd("openai", "some-future-model", 5000, 300)).isNull();
    assertThat(prices.costUsd("anthropic", null, 5000, 300)).isNull();
  }

  @Test
  void aPriceCanBeOverriddenOrAdded() {
    PriceTable custom = prices.withPrice("gpt-4o-mini", 1.0, 2.0).withPrice("my-vision", 0.5, 0.5);

    assertThat(custom.costUsd("openai", "gpt-4o-mini", 1_000_000, 1_000_000))
        .isCloseTo(3.0, within(1e-9));
    assertThat(custom.costUsd("openai", "my-vision-v2", 1_000_000, 0)).isCloseTo(0.5, within(1e-9));
    // the original is unchanged
    assertThat(prices.costUsd("openai", "gpt-4o-mini", 1_000_000, 1_000_000))
        .isCloseTo(0.75, within(1e-9));
  }

  @Test
  void tokensNotReportedCountAsNone() {
    assertThat(prices.costUsd("openai", "gpt-4o", null, null)).isZero();
  }

  @Test
  void everyCloudProtocolCarriesImagesAndDeepSeekDoesNot() {
    for (ProviderType type :
        List.of(
            ProviderType.OPENAI,
            ProviderType.AZURE_OPENAI,
            ProviderType.ANTHROPIC,
            ProviderType.GEMINI,
            ProviderType.OLLAMA,
            ProviderType.XAI)) {
      VisionCapabilities capabilities = VisionCapabilities.of(type);
      assertThat(capabilities.vision()).as(type.id()).isTrue();
      assertThat(capabilities.imagesPerRequest()).as(type.id()).isGreaterThanOrEqualTo(2);
      assertThat(capabilities.maxImageBytes()).as(type.id()).isGreaterThanOrEqualTo(4L << 20);
    }
    assertThat(VisionCapabilities.of(ProviderType.ANTHROPIC).maxImageBytes()).isEqualTo(5L << 20);
    assertThat(VisionCapabilities.of(ProviderType.DEEPSEEK).vision()).isFalse();
  }

  @Test
  void framesBeyondAProvidersLimitAreSpreadOverTheEvent() {
    List<Integer> frames = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

    assertThat(FrameSelection.evenly(frames, 4)).containsExactly(0, 3, 6, 9);
    assertThat(FrameSelection.evenly(frames, 2)).containsExactly(0, 9);
    assertThat(FrameSelection.evenly(frames, 1)).containsExactly(5);
    assertThat(FrameSelection.evenly(frames, 10)).isEqualTo(frames);
  }
}
