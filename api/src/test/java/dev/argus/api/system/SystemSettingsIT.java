package dev.argus.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.llm.BenchmarksAndAlertsApiTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET/PUT /api/v1/system/settings} over the real {@code camera_settings} row: defaults, a
 * partial update, null clearing a cap, every invalid field named, and the AI chain's models checked
 * against {@code llm_models} and the vision capabilities of their provider type.
 */
class SystemSettingsIT extends BenchmarksAndAlertsApiTest {

  private static final String SETTINGS = "/api/v1/system/settings";

  @BeforeEach
  void defaultSettings() {
    rows.execute("DELETE FROM camera_settings");
    rows.execute("INSERT INTO camera_settings (id) VALUES (1)");
  }

  @Test
  void getReturnsEverySettingWithItsDefault() {
    Response settings = admin("GET", SETTINGS, null);

    assertThat(settings.status()).isEqualTo(200);
    JsonNode body = settings.json();
    assertThat(body.path("event_retention_days").asInt()).isEqualTo(30);
    assertThat(body.path("daily_cost_cap_usd").isNull()).isTrue();
    assertThat(body.path("monthly_cost_cap_usd").isNull()).isTrue();
    assertThat(body.path("default_motion_sensitivity").asString()).isEqualTo("medium");
    assertThat(body.path("default_motion_cooldown_seconds").asInt()).isEqualTo(60);
    assertThat(body.path("default_analysis_mode").asString()).isEqualTo("single_frame");
    assertThat(body.path("default_frame_count").asInt()).isEqualTo(3);
    assertThat(body.path("ai_chain").isArray()).isTrue();
    assertThat(body.path("ai_chain").size()).isZero();
    assertThat(body.path("ai_timeout_seconds").asInt()).isEqualTo(30);
    assertThat(body.path("ai_max_retries").asInt()).isEqualTo(2);
    assertThat(body.path("description_prompt").isNull()).isTrue();
    assertThat(body.path("updated_at").asString()).isNotBlank();
  }

  @Test
  void aPartialUpdateChangesOnlyItsFieldsAndNullClearsACap() {
    // Given
    UUID vision = model("gpt-4.1");

    // When
    Response changed =
        admin(
            "PUT",
            SETTINGS,
            """
            {"event_retention_days": 7, "daily_cost_cap_usd": 1.5, "monthly_cost_cap_usd": 20,
             "default_motion_sensitivity": "high", "default_analysis_mode": "multi_frame",
             "default_frame_count": 5, "ai_chain": ["%s"], "ai_max_retries": 0,
             "description_prompt": "Describe what moves."}
            """
                .formatted(vision));

    // Then
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    JsonNode body = admin("GET", SETTINGS, null).json();
    assertThat(body.path("event_retention_days").asInt()).isEqualTo(7);
    assertThat(body.path("daily_cost_cap_usd").decimalValue()).isEqualByComparingTo("1.5");
    assertThat(body.path("monthly_cost_cap_usd").decimalValue()).isEqualByComparingTo("20");
    assertThat(body.path("default_motion_sensitivity").asString()).isEqualTo("high");
    assertThat(body.path("default_motion_cooldown_seconds").asInt()).isEqualTo(60);
    assertThat(body.path("default_analysis_mode").asString()).isEqualTo("multi_frame");
    assertThat(body.path("default_frame_count").asInt()).isEqualTo(5);
    assertThat(body.path("ai_chain").get(0).asString()).isEqualTo(vision.toString());
    assertThat(body.path("ai_timeout_seconds").asInt()).isEqualTo(30);
    assertThat(body.path("ai_max_retries").asInt()).isZero();
    assertThat(body.path("description_prompt").asString()).isEqualTo("Describe what moves.");
    assertThat(rows.text("SELECT event_retention_days::text FROM camera_settings")).isEqualTo("7");

    // And null clears a cap and the prompt; what is left out stays
    Response cleared =
        admin("PUT", SETTINGS, "{\"daily_cost_cap_usd\": null, \"description_prompt\": null}");
    assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
    assertThat(cleared.json().path("daily_cost_cap_usd").isNull()).isTrue();
    assertThat(cleared.json().path("description_prompt").isNull()).isTrue();
    assertThat(cleared.json().path("monthly_cost_cap_usd").decimalValue())
        .isEqualByComparingTo("20");
    assertThat(cleared.json().path("event_retention_days").asInt()).isEqualTo(7);
  }

  @Test
  void everyInvalidFieldIsNamedAndNothingChanges() {
    Response refused =
        admin(
            "PUT",
            SETTINGS,
            """
            {"event_retention_days": 0, "daily_cost_cap_usd": -1, "monthly_cost_cap_usd": "5",
             "default_motion_sensitivity": "extreme", "default_motion_cooldown_seconds": 86401,
             "default_analysis_mode": "video", "default_frame_count": 11,
             "ai_timeout_seconds": 301, "ai_max_retries": 1.5, "description_prompt": "%s",
             "colour": "blue"}
            """
                .formatted("x".repeat(4001)));

    assertThat(refused.status()).isEqualTo(422);
    String detail = refused.json().path("detail").asString();
    assertThat(detail)
        .contains("event_retention_days: must be between 1 and 3650, got 0")
        .contains("daily_cost_cap_usd: must be between 0 and")
        .contains("monthly_cost_cap_usd: must be a number of US dollars")
        .contains("default_motion_sensitivity: must be low, medium or high, got \"extreme\"")
        .contains("default_motion_cooldown_seconds: must be between 0 and 86400, got 86401")
        .contains("default_analysis_mode: must be single_frame or multi_frame")
        .contains("default_frame_count: must be between 1 and 10, got 11")
        .contains("ai_timeout_seconds: must be between 1 and 300, got 301")
        .contains("ai_max_retries: must be a whole number between 0 and 5")
        .contains("description_prompt: at most 4000 characters, got 4001")
        .contains("colour: unknown setting");
    assertThat(admin("GET", SETTINGS, null).json().path("event_retention_days").asInt())
        .isEqualTo(30);

    Response notNull = admin("PUT", SETTINGS, "{\"event_retention_days\": null}");
    assertThat(notNull.status()).isEqualTo(422);
    assertThat(notNull.json().path("detail").asString())
        .isEqualTo("event_retention_days: must not be null");
    Response notAnObject = admin("PUT", SETTINGS, "[1]");
    assertThat(notAnObject.status()).isEqualTo(422);
  }

  @Test
  void theAiChainHoldsExistingVisionModelsOnlyEachOnce() {
    // Given: a vision-capable model, and one of DeepSeek, whose API takes text only
    UUID vision = model("gpt-4.1");
    UUID provider = UUID.randomUUID();
    UUID textOnly = UUID.randomUUID();
    rows.execute(
        "INSERT INTO llm_providers (id, provider_type, display_name) VALUES ('%s', 'deepseek',"
                .formatted(provider)
            + " 'DeepSeek')");
    rows.execute(
        "INSERT INTO llm_models (id, provider_id, model_id, source) VALUES ('%s', '%s',"
                .formatted(textOnly, provider)
            + " 'deepseek-chat', 'manual')");
    UUID unknown = UUID.randomUUID();

    // Then
    Response notVision = admin("PUT", SETTINGS, chain(vision, textOnly));
    assertThat(notVision.status()).isEqualTo(422);
    assertThat(notVision.json().path("detail").asString())
        .isEqualTo(
            "ai_chain: model "
                + textOnly
                + " cannot describe images: its provider type 'deepseek' cannot send images (not"
                + " vision-capable)");

    Response missing = admin("PUT", SETTINGS, chain(unknown));
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.json().path("detail").asString())
        .isEqualTo("ai_chain: no model " + unknown + "; list the models with GET /api/v1/models");

    Response twice = admin("PUT", SETTINGS, chain(vision, vision));
    assertThat(twice.status()).isEqualTo(422);
    assertThat(twice.json().path("detail").asString())
        .isEqualTo("ai_chain[1]: model " + vision + " is already in the chain");

    Response notUuid = admin("PUT", SETTINGS, "{\"ai_chain\": [\"gpt-4.1\"]}");
    assertThat(notUuid.status()).isEqualTo(422);
    assertThat(notUuid.json().path("detail").asString())
        .startsWith("ai_chain[0]: must be a model id");

    Response ok = admin("PUT", SETTINGS, chain(vision));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().path("ai_chain").size()).isEqualTo(1);
    Response emptied = admin("PUT", SETTINGS, "{\"ai_chain\": []}");
    assertThat(emptied.json().path("ai_chain").size()).isZero();
  }

  private static String chain(UUID... models) {
    StringBuilder json = new StringBuilder("{\"ai_chain\": [");
    for (int i = 0; i < models.length; i++) {
      json.append(i == 0 ? "" : ", ").append('"').append(models[i]).append('"');
    }
    return json.append("]}").toString();
  }
}
