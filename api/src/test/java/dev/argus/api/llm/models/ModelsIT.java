package dev.argus.api.llm.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.llm.LlmApiTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/models} over HTTP against a real PostgreSQL, with what it queues. */
class ModelsIT extends LlmApiTest {

  @Test
  void realModelIdsAreAcceptedAndEachModelIsQueuedForTheConfigTopic() {
    // Given
    String provider = ollama("Home GPU");

    for (String modelId :
        new String[] {"gpt-4.1", "llama3:8b", "meta-llama/Llama-3.1-8B-Instruct"}) {
      // When
      Response created =
          admin(
              "POST",
              "/api/v1/models",
              "{\"provider_account_id\": \""
                  + provider
                  + "\", \"model_id\": \""
                  + modelId
                  + "\", \"custom_name\": \"Mine\", \"metadata\": {\"context\": 8192}}");

      // Then
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      JsonNode body = created.json();
      assertThat(body.path("model_id").asString()).isEqualTo(modelId);
      assertThat(body.path("provider_account_id").asString()).isEqualTo(provider);
      assertThat(body.path("provider_name").asString()).isEqualTo("Home GPU");
      assertThat(body.path("source").asString()).isEqualTo("manual");
      assertThat(body.path("enabled_for_monitoring").asBoolean()).isFalse();
      assertThat(body.path("enabled_for_benchmark").asBoolean()).isTrue();
      assertThat(body.path("metadata").path("context").asInt()).isEqualTo(8192);
      assertThat(body.path("ttft_threshold_ms").isNull()).isTrue();
      String id = body.path("id").asString();
      assertThat(
              text(
                  "SELECT record_value->'llm_model'->>'model_id' FROM config_outbox"
                      + " WHERE record_key = 'llm-model/"
                      + id
                      + "'"))
          .isEqualTo(modelId);
    }
  }

  @Test
  void aDuplicateIs409AndAnUnknownProvider422() {
    // Given
    String provider = ollama("Local");
    model(provider, "llama3:8b");

    // When
    Response duplicate =
        admin(
            "POST",
            "/api/v1/models",
            "{\"provider_account_id\": \"" + provider + "\", \"model_id\": \"llama3:8b\"}");
    Response unknown =
        admin(
            "POST",
            "/api/v1/models",
            "{\"provider_account_id\": \"" + UUID.randomUUID() + "\", \"model_id\": \"x\"}");
    Response malformed =
        admin("POST", "/api/v1/models", "{\"provider_account_id\": \"7\", \"model_id\": \"x\"}");
    Response missing =
        admin("POST", "/api/v1/models", "{\"provider_account_id\": \"" + provider + "\"}");

    // Then
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().path("detail").asString())
        .contains("already has model 'llama3:8b'");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().path("detail").asString())
        .startsWith("provider_account_id: there is no provider");
    assertThat(malformed.status()).isEqualTo(422);
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.json().path("detail").asString()).contains("model_id is required");
    assertThat(count("SELECT count(*) FROM llm_models")).isEqualTo(1);
  }

  @Test
  void theListFiltersSearchesLiterallyAndPages() {
    // Given
    String a = ollama("A");
    String b = ollama("B");
    String monitored = model(a, "llama3:8b");
    admin("PATCH", "/api/v1/models/" + monitored, "{\"enabled_for_monitoring\": true}");
    model(a, "qwen_2.5");
    model(a, "qwen-2.5");
    model(b, "gpt-4.1");
    String custom = model(b, "other");
    admin("PATCH", "/api/v1/models/" + custom, "{\"custom_name\": \"100% Llama\"}");

    // Then
    assertThat(ids("/api/v1/models?provider_id=" + b)).hasSize(2);
    assertThat(ids("/api/v1/models?enabled_for_monitoring=true")).containsExactly(monitored);
    assertThat(ids("/api/v1/models?enabled_for_benchmark=false")).isEmpty();
    assertThat(ids("/api/v1/models?search=LLAMA")).containsExactlyInAnyOrder(monitored, custom);
    assertThat(ids("/api/v1/models?search=%25")).containsExactly(custom);
    assertThat(names("/api/v1/models?search=qwen_")).containsExactly("qwen_2.5");
    Response page = admin("GET", "/api/v1/models?limit=2&offset=1", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.json().path("total").asInt()).isEqualTo(5);
    assertThat(page.json().path("items")).hasSize(2);
    assertThat(page.json().path("has_more").asBoolean()).isTrue();
    assertThat(
            admin("GET", "/api/v1/models?limit=2&offset=3", null)
                .json()
                .path("has_more")
                .asBoolean())
        .isFalse();
    assertThat(admin("GET", "/api/v1/models?limit=501", null).status()).isEqualTo(422);
    assertThat(admin("GET", "/api/v1/models?limit=0", null).status()).isEqualTo(422);
    assertThat(admin("GET", "/api/v1/models?offset=-1", null).status()).isEqualTo(422);
    assertThat(admin("GET", "/api/v1/models?provider_id=abc", null).status()).isEqualTo(422);
  }

  @Test
  void aPatchChangesTheGivenFieldsAndQueuesTheModel() {
    // Given
    String provider = ollama("Local");
    String id = model(provider, "deepseek-r1:8b");
    rows.execute("TRUNCATE config_outbox");

    // When
    Response patched =
        admin(
            "PATCH",
            "/api/v1/models/" + id,
            "{\"custom_name\": \"R1\", \"enabled_for_monitoring\": true, \"probe_max_tokens\":"
                + " 512, \"ttft_threshold_ms\": 8000}");

    // Then
    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    assertThat(patched.json().path("custom_name").asString()).isEqualTo("R1");
    assertThat(patched.json().path("enabled_for_monitoring").asBoolean()).isTrue();
    assertThat(patched.json().path("probe_max_tokens").asInt()).isEqualTo(512);
    assertThat(
            text(
                "SELECT record_value->'llm_model'->>'probe_max_tokens' || '/'"
                    + " || (record_value->'llm_model'->>'enabled_for_monitoring')"
                    + " FROM config_outbox WHERE record_key = 'llm-model/"
                    + id
                    + "'"))
        .isEqualTo("512/true");
    Response got = admin("GET", "/api/v1/models/" + id, null);
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.json().path("ttft_threshold_ms").asInt()).isEqualTo(8000);

    // When: null resets a threshold; the model id is fixed; limits hold
    assertThat(
            admin("PATCH", "/api/v1/models/" + id, "{\"ttft_threshold_ms\": null}")
                .json()
                .path("ttft_threshold_ms")
                .isNull())
        .isTrue();
    Response renamed = admin("PATCH", "/api/v1/models/" + id, "{\"model_id\": \"other\"}");
    assertThat(renamed.status()).isEqualTo(422);
    assertThat(renamed.json().path("detail").asString()).contains("model_id cannot be changed");
    Response tooFew = admin("PATCH", "/api/v1/models/" + id, "{\"probe_max_tokens\": 8}");
    assertThat(tooFew.status()).isEqualTo(422);
    assertThat(tooFew.json().path("detail").asString())
        .isEqualTo("probe_max_tokens must be between 16 and 32768");
    Response wrongType =
        admin("PATCH", "/api/v1/models/" + id, "{\"enabled_for_monitoring\": \"yes\"}");
    assertThat(wrongType.status()).isEqualTo(422);
    assertThat(admin("PATCH", "/api/v1/models/" + UUID.randomUUID(), "{}").status()).isEqualTo(404);
    assertThat(admin("GET", "/api/v1/models/" + UUID.randomUUID(), null).status()).isEqualTo(404);
  }

  private java.util.List<String> ids(String path) {
    Response response = admin("GET", path, null);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().path("items").valueStream().map(m -> m.path("id").asString()).toList();
  }

  private java.util.List<String> names(String path) {
    Response response = admin("GET", path, null);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response
        .json()
        .path("items")
        .valueStream()
        .map(m -> m.path("model_id").asString())
        .toList();
  }
}
