package dev.argus.api.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.llm.client.WireProtocol;
import dev.argus.llm.simulator.Fault;
import dev.argus.llm.simulator.SimulatedProviderServer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The {@code /api/v1/ai} endpoints over simulated providers on loopback: describe (multipart and
 * JSON), the chain's state after failures, usage against the caps, capabilities, context metrics,
 * prompt refinement, and their validation errors (never a 500).
 */
class AiEndpointsIT extends AiApiTest {

  @Test
  void anUploadedImageIsDescribedAsMultipartAndAsBase64Json() {
    // Given
    SimulatedProviderServer provider = server(WireProtocol.OPENAI, "vision-small", Fault.NONE);
    chain(providerModel("openai_compatible", "Local", provider, "vision-small"));

    // When a PNG is uploaded as a multipart part, with a prompt
    Map<String, byte[]> parts = new LinkedHashMap<>();
    parts.put("image", image("png", 200, 150));
    parts.put("prompt", "Describe the bright shape.".getBytes(StandardCharsets.UTF_8));
    Response upload = multipart("/api/v1/ai/describe", parts);

    // Then
    assertThat(upload.status()).as(upload.body()).isEqualTo(200);
    JsonNode answer = upload.json();
    assertThat(answer.path("description").asString()).isNotBlank();
    assertThat(answer.path("detection_type").asString()).isNotBlank();
    assertThat(answer.path("provider").asString()).isEqualTo("Local");
    assertThat(answer.path("model").asString()).isEqualTo("vision-small");
    assertThat(answer.path("input_tokens").asInt()).isPositive();
    assertThat(answer.path("attempts")).hasSize(1);

    // When a JPEG comes as base64 JSON (with a data URL prefix)
    Response json =
        admin(
            "POST",
            "/api/v1/ai/describe",
            "{\"image_base64\": \"data:image/jpeg;base64,"
                + Base64.getEncoder().encodeToString(image("jpeg", 120, 90))
                + "\"}");

    // Then
    assertThat(json.status()).as(json.body()).isEqualTo(200);
    assertThat(json.json().path("description").asString()).isNotBlank();
    assertThat(provider.requests("vision-small")).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM ai_usage WHERE purpose = 'describe' AND success"))
        .isEqualTo(2);
  }

  @Test
  void anImageOverTheOtherBodiesMegabyteIsTakenByDescribeAlone() {
    // Given a PNG of noise, about 1.5 MB, so its base64 JSON body is over 2 MB
    SimulatedProviderServer provider = server(WireProtocol.OPENAI, "vision-small", Fault.NONE);
    chain(providerModel("openai_compatible", "Local", provider, "vision-small"));
    byte[] png = noise(720, 540);
    assertThat(png.length).isGreaterThan(1024 * 1024);
    String body = "{\"image_base64\": \"" + Base64.getEncoder().encodeToString(png) + "\"}";

    // When
    Response described = admin("POST", "/api/v1/ai/describe", body);

    // Then describe takes it, re-encoded as JPEG for the provider
    assertThat(described.status()).as(described.body()).isEqualTo(200);
    assertThat(provider.requests("vision-small")).isEqualTo(1);
    // while another operation's body is still limited to 1 MB
    Response elsewhere = admin("POST", "/api/v1/ai/refine-prompt", body);
    assertThat(elsewhere.status()).isEqualTo(413);
  }

  @Test
  void aProviderThatKeepsFailingIsAnsweredWith502ThenShowsItsCircuitOpen() {
    // Given a chain of one provider answering 500
    SimulatedProviderServer broken =
        server(WireProtocol.ANTHROPIC, "claude-vision", Fault.SERVER_ERROR);
    String model = providerModel("anthropic", "Broken", broken, "claude-vision");
    chain(model);
    String body =
        "{\"image_base64\": \"" + Base64.getEncoder().encodeToString(image("jpeg", 64, 48)) + "\"}";

    // When it fails as often as the circuit breaker counts (4 calls, all failed)
    for (int i = 0; i < 4; i++) {
      Response failed = admin("POST", "/api/v1/ai/describe", body);
      assertThat(failed.status()).as(failed.body()).isEqualTo(502);
      assertThat(failed.json().path("status_code").asInt()).isEqualTo(502);
      assertThat(failed.json().path("attempts").get(0).asString()).contains("500");
    }

    // Then the chain shows its circuit open, with the last error
    Response providers = admin("GET", "/api/v1/ai/providers", null);
    assertThat(providers.status()).isEqualTo(200);
    JsonNode link = providers.json().path("items").get(0);
    assertThat(link.path("model_id").asString()).isEqualTo(model);
    assertThat(link.path("provider").asString()).isEqualTo("Broken");
    assertThat(link.path("vision_capable").asBoolean()).isTrue();
    assertThat(link.path("state").asString()).isEqualTo("circuit_open");
    assertThat(link.path("last_error").asString()).contains("500");
    // and the next request skips it without a call
    Response skipped = admin("POST", "/api/v1/ai/describe", body);
    assertThat(skipped.status()).isEqualTo(502);
    assertThat(skipped.json().path("attempts").get(0).asString()).contains("circuit open");
    assertThat(broken.requests("claude-vision")).isEqualTo(4);
  }

  @Test
  void theChainListsUnusableLinksAndAPausedCap() {
    // Given a model of a text-only provider type (DeepSeek) and a reached cap
    SimulatedProviderServer text = server(WireProtocol.OPENAI, "deepseek-chat", Fault.NONE);
    SimulatedProviderServer vision = server(WireProtocol.OPENAI, "vision-small", Fault.NONE);
    chain(
        providerModel("deepseek", "Text only", text, "deepseek-chat"),
        providerModel("openai_compatible", "Local", vision, "vision-small"));
    rows.execute(
        "INSERT INTO ai_usage (provider, model, purpose, success, cost_usd)"
            + " VALUES ('Local', 'vision-small', 'describe', true, 2)");
    dailyCap("1");

    // When
    JsonNode chain = admin("GET", "/api/v1/ai/providers", null).json();

    // Then
    assertThat(chain.path("items")).hasSize(2);
    assertThat(chain.path("items").get(0).path("state").asString()).isEqualTo("unavailable");
    assertThat(chain.path("items").get(0).path("vision_capable").asBoolean()).isFalse();
    assertThat(chain.path("items").get(0).path("problem").asString()).contains("deepseek");
    assertThat(chain.path("items").get(1).path("state").asString()).isEqualTo("paused_by_cap");
    assertThat(chain.path("paused_reason").asString()).contains("daily cost cap of $1.00");
    // and a describe is refused with the reason, without a call
    Response paused =
        admin(
            "POST",
            "/api/v1/ai/describe",
            "{\"image_base64\": \""
                + Base64.getEncoder().encodeToString(image("jpeg", 64, 48))
                + "\"}");
    assertThat(paused.status()).isEqualTo(503);
    assertThat(paused.json().path("detail").asString()).contains("daily cost cap");
    assertThat(vision.requests("vision-small")).isZero();
  }

  @Test
  void usageIsSummedPerUtcDayAndProviderAgainstTheCaps() {
    // Given calls of today and yesterday
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    UUID provider = UUID.randomUUID();
    usage(provider, "A", today, true, 100, 20, "0.25");
    usage(provider, "A", today, false, null, null, null);
    usage(provider, "A", today.minusDays(1), true, 50, 10, "0.10");
    usage(null, "B", today, true, 10, 5, "0.05");
    rows.execute(
        "UPDATE camera_settings SET daily_cost_cap_usd = 0.30, monthly_cost_cap_usd = 100");
    ledger.forget();

    // When
    Response response =
        admin("GET", "/api/v1/ai/usage?from=" + today.minusDays(1) + "&to=" + today, null);

    // Then
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode usage = response.json();
    assertThat(usage.path("items")).hasSize(3);
    JsonNode first = usage.path("items").get(0);
    assertThat(first.path("day").asString()).isEqualTo(today.minusDays(1).toString());
    assertThat(first.path("calls").asLong()).isEqualTo(1);
    JsonNode todayA = usage.path("items").get(1);
    assertThat(todayA.path("provider").asString()).isEqualTo("A");
    assertThat(todayA.path("calls").asLong()).isEqualTo(2);
    assertThat(todayA.path("failures").asLong()).isEqualTo(1);
    assertThat(todayA.path("input_tokens").asLong()).isEqualTo(100);
    assertThat(todayA.path("cost_usd").decimalValue()).isEqualByComparingTo("0.25");
    assertThat(usage.path("totals").path("calls").asLong()).isEqualTo(4);
    assertThat(usage.path("totals").path("cost_usd").decimalValue()).isEqualByComparingTo("0.40");
    JsonNode caps = usage.path("caps");
    assertThat(caps.path("today_usd").decimalValue()).isEqualByComparingTo("0.30");
    assertThat(caps.path("paused").asBoolean()).isTrue();
    assertThat(caps.path("paused_reason").asString()).startsWith("daily cost cap of $0.30");
    // A range the wrong way round is 422, naming the parameters
    Response backwards =
        admin("GET", "/api/v1/ai/usage?from=" + today + "&to=" + today.minusDays(3), null);
    assertThat(backwards.status()).isEqualTo(422);
    assertThat(backwards.json().path("detail").asString()).contains("from");
    assertThat(admin("GET", "/api/v1/ai/usage?from=yesterday", null).status()).isEqualTo(422);
  }

  @Test
  void capabilitiesAndContextMetricsAnswer() {
    // Given
    SimulatedProviderServer vision = server(WireProtocol.ANTHROPIC, "claude-vision", Fault.NONE);
    providerModel("anthropic", "Claude", vision, "claude-vision");

    // When
    JsonNode capabilities = admin("GET", "/api/v1/ai/capabilities", null).json();
    JsonNode metrics = admin("GET", "/api/v1/ai/context-metrics", null).json();

    // Then
    assertThat(capabilities.path("items")).hasSize(1);
    JsonNode claude = capabilities.path("items").get(0);
    assertThat(claude.path("provider").asString()).isEqualTo("Claude");
    assertThat(claude.path("vision").asBoolean()).isTrue();
    assertThat(claude.path("images_per_request").asInt()).isPositive();
    assertThat(claude.path("max_image_bytes").asLong()).isPositive();
    assertThat(metrics.path("scope").asString()).isEqualTo("replica");
    assertThat(metrics.path("sources").path("time_of_day").has("hit_rate")).isTrue();
  }

  @Test
  void aPromptIsRefinedByAConfiguredModel() {
    // Given
    SimulatedProviderServer provider = server(WireProtocol.GEMINI, "gemini-vision", Fault.NONE);
    String model = providerModel("gemini", "Gemini", provider, "gemini-vision");

    // When the model is named (no chain configured)
    Response refined =
        admin(
            "POST",
            "/api/v1/ai/refine-prompt",
            "{\"prompt\": \"Describe the image.\", \"feedback\": \"Mention colours.\","
                + " \"model_id\": \""
                + model
                + "\"}");

    // Then
    assertThat(refined.status()).as(refined.body()).isEqualTo(200);
    assertThat(refined.json().path("refined_prompt").asString()).isNotBlank();
    assertThat(refined.json().path("provider").asString()).isEqualTo("Gemini");
    assertThat(refined.json().path("model").asString()).isEqualTo("gemini-vision");
    assertThat(provider.requests("gemini-vision")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM ai_usage WHERE purpose = 'refine_prompt' AND success"))
        .isEqualTo(1);
    // and without a model or chain there is nothing to ask
    Response none =
        admin("POST", "/api/v1/ai/refine-prompt", "{\"prompt\": \"p\", \"feedback\": \"f\"}");
    assertThat(none.status()).isEqualTo(409);
    assertThat(none.json().path("detail").asString()).contains("ai_chain");
  }

  @Test
  void badRequestsAreAnsweredWithTheFieldToFixNeverA500() {
    String jpeg = Base64.getEncoder().encodeToString(image("jpeg", 64, 48));
    expect422("/api/v1/ai/describe", "{}", "image_base64");
    expect422("/api/v1/ai/describe", "{\"image_base64\": 5}", "image_base64");
    expect422("/api/v1/ai/describe", "{\"image_base64\": \"%%%\"}", "base64");
    expect422(
        "/api/v1/ai/describe",
        "{\"image_base64\": \""
            + Base64.getEncoder().encodeToString("not an image".getBytes(StandardCharsets.UTF_8))
            + "\"}",
        "not an image");
    expect422("/api/v1/ai/describe", "{\"image_base64\": \"" + jpeg + "\", \"x\": 1}", "x");
    expect422(
        "/api/v1/ai/describe",
        "{\"image_base64\": \"" + jpeg + "\", \"model_id\": \"m\"}",
        "model_id");
    expect422(
        "/api/v1/ai/describe",
        "{\"image_base64\": \"" + jpeg + "\", \"model_id\": \"" + UUID.randomUUID() + "\"}",
        "not found");
    expect422("/api/v1/ai/refine-prompt", "{\"prompt\": \"p\"}", "feedback");
    expect422("/api/v1/ai/refine-prompt", "[]", "JSON object");
    // no part image in a multipart body
    Response noImage =
        multipart("/api/v1/ai/describe", Map.of("prompt", "p".getBytes(StandardCharsets.UTF_8)));
    assertThat(noImage.status()).isEqualTo(422);
    // an image over the limit (5 MB) is 413
    Response tooLarge =
        multipart("/api/v1/ai/describe", Map.of("image", new byte[5 * 1024 * 1024 + 1]));
    assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
    assertThat(parse(tooLarge.body()).path("detail").asString())
        .contains("ARGUS_API_AI_MAX_IMAGE_SIZE");
    // no chain: 409 saying what to configure
    Response noChain = admin("POST", "/api/v1/ai/describe", "{\"image_base64\": \"" + jpeg + "\"}");
    assertThat(noChain.status()).isEqualTo(409);
    assertThat(noChain.json().path("detail").asString()).contains("ai_chain");
  }

  private static byte[] noise(int width, int height) {
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.util.Random random = new java.util.Random(12);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(image, "png", out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private void expect422(String path, String body, String detailContains) {
    Response response = admin("POST", path, body);
    assertThat(response.status()).as(body + " → " + response.body()).isEqualTo(422);
    assertThat(response.json().path("detail").asString()).contains(detailContains);
  }

  private void usage(
      UUID providerId,
      String provider,
      LocalDate day,
      boolean success,
      Integer input,
      Integer output,
      String cost) {
    rows.execute(
        "INSERT INTO ai_usage (called_at, provider_id, provider, model, purpose, success,"
            + " input_tokens, output_tokens, cost_usd) VALUES ('"
            + day.atTime(0, 30).atOffset(ZoneOffset.UTC)
            + "', "
            + (providerId == null ? "NULL" : "'" + providerId + "'")
            + ", '"
            + provider
            + "', 'm', 'event', "
            + success
            + ", "
            + input
            + ", "
            + output
            + ", "
            + cost
            + ")");
  }
}
