package dev.argus.api.llm.providers;

import dev.argus.contract.settings.Durations;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the api's own calls to providers (connection tests, model discovery), bound from {@code
 * argus.api.llm-providers.*}. A connection test answers within {@code listTimeout} per page of the
 * model list it reads plus {@code testTimeout} for the one probe; a model refresh within {@code
 * listTimeout} per page.
 *
 * @param listTimeout {@code ARGUS_API_LLM_LIST_TIMEOUT}: the most one page of a model list may take
 * @param testTimeout {@code ARGUS_API_LLM_TEST_TIMEOUT}: the most the connection test's probe may
 *     take, from sending it to the end of its stream
 * @param maxModelPages {@code ARGUS_API_LLM_MAX_MODEL_PAGES}: the most pages a model list is read
 *     to before the listing gives up (a provider that pages for ever)
 */
@ConfigurationProperties("argus.api.llm-providers")
record ProviderClientProperties(Duration listTimeout, Duration testTimeout, int maxModelPages) {

  ProviderClientProperties {
    Durations.requirePositive(
        listTimeout, "argus.api.llm-providers.list-timeout (ARGUS_API_LLM_LIST_TIMEOUT)");
    Durations.requirePositive(
        testTimeout, "argus.api.llm-providers.test-timeout (ARGUS_API_LLM_TEST_TIMEOUT)");
    if (maxModelPages < 1) {
      throw new IllegalArgumentException(
          "argus.api.llm-providers.max-model-pages (ARGUS_API_LLM_MAX_MODEL_PAGES) must be at"
              + " least 1, was "
              + maxModelPages);
    }
  }
}
