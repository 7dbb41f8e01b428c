package dev.argus.api.llm.providers;

import dev.argus.llm.client.ProviderClient;
import dev.argus.llm.client.ProviderClients;
import dev.argus.llm.client.ProviderSpec;
import java.net.http.HttpClient;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The api's clients of providers ({@code infra/llm}): one shared HTTP client (redirects not
 * followed, every address judged by the outbound guard) and the limits of {@link
 * ProviderClientProperties}. The api only lists models and tests connections; probes are the
 * collectors' job.
 */
@Component
class ProviderConnections implements DisposableBean {

  private final HttpClient http = ProviderClients.httpClient();
  private final ProviderClients.Settings settings;

  ProviderConnections(ProviderClientProperties properties) {
    this.settings =
        new ProviderClients.Settings(
            properties.listTimeout(),
            properties.testTimeout(),
            ProviderClients.Settings.DEFAULTS.testMaxTokens(),
            properties.maxModelPages());
  }

  /**
   * The client of {@code spec}; nothing is connected to yet.
   *
   * @throws IllegalArgumentException when the spec cannot work, naming the field to give
   */
  ProviderClient client(ProviderSpec spec) {
    return ProviderClients.create(spec, http, settings);
  }

  @Override
  public void destroy() {
    http.close();
  }
}
