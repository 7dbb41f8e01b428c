package dev.argus.llm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Listing shapes the simulated providers do not cover, on a bare loopback server. */
class ModelListingTest {

  /** Serves {@code body} with {@code status} at every path. */
  private static HttpServer serving(int status, String body) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    return server;
  }

  private static ProviderClient together(HttpServer server) {
    return ProviderClients.create(
        ProviderSpec.of(
            ProviderType.TOGETHER, "http://127.0.0.1:" + server.getAddress().getPort(), "k"),
        Probes.HTTP);
  }

  @Test
  void aBareArrayIsAModelListAndItsTypesDecideWhatCanChat() throws Exception {
    HttpServer server =
        serving(
            200,
            "[{\"id\":\"BAAI/bge-base-en-v1.5\",\"type\":\"embedding\"},"
                + "{\"id\":\"meta-llama/Llama-3.3-70B-Instruct-Turbo\",\"type\":\"chat\","
                + "\"display_name\":\"Llama 3.3 70B\"}]");
    try {
      List<DiscoveredModel> models = together(server).listModels();

      assertThat(models)
          .extracting(DiscoveredModel::id)
          .containsExactly("BAAI/bge-base-en-v1.5", "meta-llama/Llama-3.3-70B-Instruct-Turbo");
      assertThat(models.get(1).displayName()).isEqualTo("Llama 3.3 70B");
      assertThat(ModelChoice.pick(models, null).id())
          .isEqualTo("meta-llama/Llama-3.3-70B-Instruct-Turbo");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aFailedListingIsAProviderExceptionWithTheProvidersWords() throws Exception {
    HttpServer server =
        serving(401, "{\"error\":{\"message\":\"Invalid API key provided\",\"type\":\"auth\"}}");
    try {
      assertThatThrownBy(() -> together(server).listModels())
          .isInstanceOf(ProviderException.class)
          .hasMessageContaining("HTTP 401", "Invalid API key provided")
          .satisfies(e -> assertThat(((ProviderException) e).httpStatus()).isEqualTo(401));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void namesDecideWhenTheListingSaysNothingAndSmallModelsArePreferred() {
    List<DiscoveredModel> models =
        List.of(
            new DiscoveredModel("text-embedding-3-small", null, Map.of()),
            new DiscoveredModel("gpt-4o-mini-tts", null, Map.of()),
            new DiscoveredModel("gpt-4.1", null, Map.of()),
            new DiscoveredModel("gpt-4.1-mini", null, Map.of()));

    assertThat(ModelChoice.pick(models, null).id()).isEqualTo("gpt-4.1-mini");
    assertThat(ModelChoice.pick(models, "gpt-4.1").id()).isEqualTo("gpt-4.1");
    assertThat(ModelChoice.pick(models, "not-listed").id()).isEqualTo("gpt-4.1-mini");
  }
}
