package dev.argus.api.llm.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.llm.LlmApiTest;
import dev.argus.contract.secrets.SecretContext;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/providers} over HTTP against a real PostgreSQL, with what it queues. */
class ProvidersIT extends LlmApiTest {

  @Test
  void aCreatedProviderHasItsSecretsEncryptedAtRestAndOnTheOutboxAndMaskedInAnswers() {
    // When: base_url and region come inside credentials, as the seed's clients send them
    Response created =
        admin(
            "POST",
            "/api/v1/providers",
            "{\"provider_type\": \"openai\", \"display_name\": \"OpenAI Production\","
                + " \"credentials\": {\"api_key\": \"sk-secret-123\","
                + " \"base_url\": \"http://127.0.0.1:8081/v1/\", \"region\": \"eu\"}}");

    // Then
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode body = created.json();
    String id = body.path("id").asString();
    assertThat(UUID.fromString(id)).isNotNull();
    assertThat(body.path("provider_type").asString()).isEqualTo("openai");
    assertThat(body.path("display_name").asString()).isEqualTo("OpenAI Production");
    assertThat(body.path("enabled").asBoolean()).isTrue();
    assertThat(body.path("base_url").asString()).isEqualTo("http://127.0.0.1:8081/v1");
    assertThat(body.path("region").asString()).isEqualTo("eu");
    assertThat(body.path("credentials").toString()).isEqualTo("{\"api_key\":\"****\"}");
    assertThat(created.body()).doesNotContain("sk-secret-123");

    String stored =
        text("SELECT credentials->>'api_key' FROM llm_providers WHERE id = '" + id + "'");
    assertThat(stored).startsWith("enc:v1:");
    assertThat(secrets.decrypt(stored, SecretContext.llmProviderField(id, "api_key")))
        .isEqualTo("sk-secret-123");
    assertThat(
            count("SELECT count(*) FROM llm_providers WHERE credentials->>'base_url' IS NOT NULL"))
        .isZero();

    String queued =
        text(
            "SELECT record_value::text FROM config_outbox WHERE topic = 'argus.config'"
                + " AND record_key = 'llm-provider/"
                + id
                + "'");
    assertThat(queued).doesNotContain("sk-secret-123").contains("enc:v1:");
    String queuedKey =
        text(
            "SELECT record_value->'llm_provider'->'credentials'->>'api_key' FROM config_outbox"
                + " WHERE record_key = 'llm-provider/"
                + id
                + "'");
    assertThat(secrets.decrypt(queuedKey, SecretContext.llmProviderField(id, "api_key")))
        .isEqualTo("sk-secret-123");
  }

  @Test
  void theListAndOneProviderAnswerTheSeedShapes() {
    // Given
    String b = ollama("B local");
    String a = ollama("a local");
    model(b, "llama3:8b");

    // When
    Response list = admin("GET", "/api/v1/providers", null);
    Response one = admin("GET", "/api/v1/providers/" + b, null);

    // Then
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().path("total").asInt()).isEqualTo(2);
    assertThat(list.json().path("providers").get(0).path("id").asString()).isEqualTo(a);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().path("model_count").asInt()).isEqualTo(1);
    assertThat(one.json().path("credentials").isEmpty()).isTrue();
    assertThat(one.json().path("region").isNull()).isTrue();
  }

  @Test
  void unknownIdsAre404AndMalformedOnes422() {
    String unknown = UUID.randomUUID().toString();
    assertThat(admin("GET", "/api/v1/providers/" + unknown, null).status()).isEqualTo(404);
    assertThat(admin("PATCH", "/api/v1/providers/" + unknown, "{\"enabled\": false}").status())
        .isEqualTo(404);
    assertThat(admin("DELETE", "/api/v1/providers/" + unknown, null).status()).isEqualTo(404);
    Response malformed = admin("GET", "/api/v1/providers/not-a-uuid", null);
    assertThat(malformed.status()).isEqualTo(422);
    assertThat(malformed.json().path("detail").asString()).contains("id");
  }

  @Test
  void invalidProvidersAre422NamingTheProblemAndWriteNothing() {
    assertUnprocessable(
        "{\"provider_type\": \"openia\", \"display_name\": \"x\"}",
        "provider_type must be one of openai, azure_openai, anthropic, ollama, gemini, vllm");
    assertUnprocessable("{\"provider_type\": \"openai\"}", "display_name is required");
    assertUnprocessable(
        "{\"provider_type\": \"openai\", \"display_name\": \"x\","
            + " \"base_url\": \"http://169.254.169.254/latest\"}",
        "base_url: 169.254.169.254");
    assertUnprocessable(
        "{\"provider_type\": \"openai\", \"display_name\": \"x\", \"base_url\": \"ftp://h\"}",
        "base_url must be an absolute http(s) URL");
    assertUnprocessable(
        "{\"provider_type\": \"openai\", \"display_name\": \"x\","
            + " \"base_url\": \"http://user:pw@127.0.0.1/\"}",
        "base_url must not hold credentials");
    assertUnprocessable(
        "{\"provider_type\": \"openai\", \"display_name\": \"x\", \"api_key\": \"sk\"}",
        "api_key is not a field of a provider");
    assertUnprocessable(
        "{\"provider_type\": \"openai\", \"display_name\": \"x\", \"credentials\":"
            + " {\"api_key\": 5}}",
        "credentials: every secret must be a string");
    assertUnprocessable(
        "{\"provider_type\": \"openai\", \"display_name\": \"x\", \"credentials\":"
            + " {\"api_key\": \"****\"}}",
        "credentials.api_key is the mask ****, but no api_key is stored");
    assertThat(count("SELECT count(*) FROM llm_providers")).isZero();
    assertThat(count("SELECT count(*) FROM config_outbox")).isZero();
  }

  @Test
  void loopbackAndLanBaseUrlsAreAccepted() {
    assertThat(admin("POST", "/api/v1/providers", ollamaAt("http://localhost:11434")).status())
        .isEqualTo(201);
    assertThat(admin("POST", "/api/v1/providers", ollamaAt("http://192.168.1.20:11434")).status())
        .isEqualTo(201);
    assertThat(admin("POST", "/api/v1/providers", ollamaAt("http://[::1]:11434")).status())
        .isEqualTo(201);
  }

  @Test
  void aPatchKeepsSecretsLeftOutOrSentBackMaskedAndReplacesOrRemovesTheOthers() {
    // Given
    String id =
        provider(
            "{\"provider_type\": \"azure_openai\", \"display_name\": \"Azure\","
                + " \"base_url\": \"http://127.0.0.1:9000\", \"credentials\": {\"api_key\":"
                + " \"key-one\", \"extra_secret\": \"x-one\", \"deployment\": \"gpt4o\"}}");
    String firstEnvelope = storedSecret(id, "api_key");

    // When: left out
    Response renamed = admin("PATCH", "/api/v1/providers/" + id, "{\"display_name\": \"Azure 2\"}");
    // Then
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(renamed.json().path("display_name").asString()).isEqualTo("Azure 2");
    assertThat(renamed.json().path("options").path("deployment").asString()).isEqualTo("gpt4o");
    assertThat(storedSecret(id, "api_key")).isEqualTo(firstEnvelope);

    // When: sent back masked, as GET showed it, with one new secret and one removed
    Response edited =
        admin(
            "PATCH",
            "/api/v1/providers/" + id,
            "{\"credentials\": {\"api_key\": \"****\", \"extra_secret\": null,"
                + " \"org_secret\": \"org-two\"}}");
    // Then
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    assertThat(edited.json().path("credentials").toString())
        .isEqualTo("{\"api_key\":\"****\",\"org_secret\":\"****\"}");
    assertThat(decrypted(id, "api_key")).isEqualTo("key-one");
    assertThat(decrypted(id, "org_secret")).isEqualTo("org-two");

    // When: replaced
    admin("PATCH", "/api/v1/providers/" + id, "{\"credentials\": {\"api_key\": \"key-two\"}}");
    // Then
    assertThat(decrypted(id, "api_key")).isEqualTo("key-two");
    assertThat(
            count(
                "SELECT count(*) FROM config_outbox WHERE record_key = 'llm-provider/" + id + "'"))
        .isEqualTo(4);
  }

  @Test
  void aPatchMayNotSendKeptSecretsToAnotherHost() {
    // Given
    String id =
        provider(
            "{\"provider_type\": \"openai_compatible\", \"display_name\": \"vLLM\","
                + " \"base_url\": \"http://127.0.0.1:8000/v1\", \"credentials\": {\"api_key\":"
                + " \"key-one\"}}");

    // When / Then: another path on the same host is fine
    assertThat(
            admin("PATCH", "/api/v1/providers/" + id, "{\"base_url\": \"http://127.0.0.1:8000/\"}")
                .status())
        .isEqualTo(200);
    // another host with the stored key is refused
    Response moved =
        admin("PATCH", "/api/v1/providers/" + id, "{\"base_url\": \"http://10.0.0.9:8000/v1\"}");
    assertThat(moved.status()).isEqualTo(422);
    assertThat(moved.json().path("detail").asString())
        .contains("base_url sends the stored credentials (api_key) to another host");
    // with the key sent again it is fine
    assertThat(
            admin(
                    "PATCH",
                    "/api/v1/providers/" + id,
                    "{\"base_url\": \"http://10.0.0.9:8000/v1\", \"credentials\": {\"api_key\":"
                        + " \"key-for-10\"}}")
                .status())
        .isEqualTo(200);
    assertThat(decrypted(id, "api_key")).isEqualTo("key-for-10");
    // the type is fixed
    Response retyped = admin("PATCH", "/api/v1/providers/" + id, "{\"provider_type\": \"groq\"}");
    assertThat(retyped.status()).isEqualTo(422);
    assertThat(retyped.json().path("detail").asString())
        .contains("provider_type cannot be changed");
  }

  @Test
  void deletingAProviderDeletesItsModelsAndQueuesTombstones() {
    // Given
    String id = ollama("Local");
    String model = model(id, "llama3:8b");
    rows.execute("TRUNCATE config_outbox");

    // When
    Response deleted = admin("DELETE", "/api/v1/providers/" + id, null);

    // Then
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(count("SELECT count(*) FROM llm_models")).isZero();
    assertThat(
            text(
                "SELECT string_agg(record_key || ':' || coalesce(record_value::text, 'null'), ','"
                    + " ORDER BY seq) FROM config_outbox"))
        .isEqualTo("llm-model/" + model + ":null,llm-provider/" + id + ":null");
    assertThat(admin("GET", "/api/v1/providers/" + id, null).status()).isEqualTo(404);
  }

  @Test
  void aProviderWhoseModelHasBenchmarkHistoryIsNotDeleted() {
    // Given
    String id = ollama("Benchmarked");
    String model = model(id, "llama3:8b");
    rows.execute(
        "INSERT INTO llm_benchmark_results (reading_id, run_id, model_id, ts, success)"
            + " VALUES ('r1', gen_random_uuid(), '"
            + model
            + "', now(), true)");

    // When
    Response refused = admin("DELETE", "/api/v1/providers/" + id, null);

    // Then
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().path("detail").asString()).contains("benchmark history");
    assertThat(count("SELECT count(*) FROM llm_models")).isEqualTo(1);
  }

  @Test
  void readsNeedReadModelsAndChangesWriteModels() {
    // Given
    String id = ollama("Scoped");
    String reader = newKey("\"read:models\"");
    String writer = newKey("\"write:models\"");
    String targets = newKey("\"read:targets\"");

    // Then
    assertThat(api.get("/api/v1/providers").status()).isEqualTo(401);
    assertThat(as(reader, "GET", "/api/v1/providers/" + id, null).status()).isEqualTo(200);
    assertThat(as(targets, "GET", "/api/v1/providers", null).status()).isEqualTo(403);
    assertThat(as(reader, "PATCH", "/api/v1/providers/" + id, "{\"enabled\": false}").status())
        .isEqualTo(403);
    assertThat(as(writer, "PATCH", "/api/v1/providers/" + id, "{\"enabled\": false}").status())
        .isEqualTo(200);
    assertThat(as(reader, "DELETE", "/api/v1/providers/" + id, null).status()).isEqualTo(403);
  }

  private void assertUnprocessable(String body, String detail) {
    Response response = admin("POST", "/api/v1/providers", body);
    assertThat(response.status()).as(body).isEqualTo(422);
    assertThat(response.json().path("detail").asString()).contains(detail);
  }

  private static String ollamaAt(String baseUrl) {
    return "{\"provider_type\": \"ollama\", \"display_name\": \"o\", \"base_url\": \""
        + baseUrl
        + "\"}";
  }

  private String storedSecret(String id, String name) {
    return text("SELECT credentials->>'" + name + "' FROM llm_providers WHERE id = '" + id + "'");
  }

  private String decrypted(String id, String name) {
    return secrets.decrypt(storedSecret(id, name), SecretContext.llmProviderField(id, name));
  }
}
