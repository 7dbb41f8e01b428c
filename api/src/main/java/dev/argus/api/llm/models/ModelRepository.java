package dev.argus.api.llm.models;

import dev.argus.api.system.jdbc.Columns;
import dev.argus.contract.WireJson;
import dev.argus.llm.client.DiscoveredModel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code llm_models}, written only here, with their provider's name and type. */
@Repository
class ModelRepository {

  /** Filters of the model list; null means no filter. */
  record Filter(
      UUID providerId, Boolean enabledForMonitoring, Boolean enabledForBenchmark, String search) {}

  private static final String COLUMNS =
      """
      m.id, m.provider_id, p.display_name AS provider_name, p.provider_type, m.model_id,
      m.custom_name, m.source, m.enabled_for_monitoring, m.enabled_for_benchmark,
      m.ttft_threshold_ms, m.latency_threshold_ms, m.probe_max_tokens, m.metadata,
      m.created_at, m.updated_at
      """;
  private static final String FROM = "llm_models m JOIN llm_providers p ON p.id = m.provider_id";

  private final JdbcClient jdbc;

  ModelRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  ModelList page(Filter filter, int limit, long offset) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    if (filter.providerId() != null) {
      conditions.add("m.provider_id = :providerId");
      params.put("providerId", filter.providerId());
    }
    if (filter.enabledForMonitoring() != null) {
      conditions.add("m.enabled_for_monitoring = :monitoring");
      params.put("monitoring", filter.enabledForMonitoring());
    }
    if (filter.enabledForBenchmark() != null) {
      conditions.add("m.enabled_for_benchmark = :benchmark");
      params.put("benchmark", filter.enabledForBenchmark());
    }
    if (filter.search() != null) {
      conditions.add(
          "(m.model_id ILIKE :search ESCAPE '\\' OR m.custom_name ILIKE :search ESCAPE '\\')");
      params.put("search", "%" + likeEscaped(filter.search()) + "%");
    }
    String fromWhere =
        FROM + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
    long total =
        jdbc.sql("SELECT count(*) FROM " + fromWhere).params(params).query(Long.class).single();
    params.put("limit", limit);
    params.put("offset", offset);
    List<Model> items =
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM "
                    + fromWhere
                    + " ORDER BY lower(p.display_name), m.model_id, m.id"
                    + " LIMIT :limit OFFSET :offset")
            .params(params)
            .query(ModelRepository::model)
            .list();
    return new ModelList(items, total, offset + items.size() < total);
  }

  Optional<Model> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM " + FROM + " WHERE m.id = :id")
        .param("id", id)
        .query(ModelRepository::model)
        .optional();
  }

  /** The model, its row locked until the transaction ends, so changes publish in order. */
  Optional<Model> lock(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM " + FROM + " WHERE m.id = :id FOR UPDATE OF m")
        .param("id", id)
        .query(ModelRepository::model)
        .optional();
  }

  /**
   * Whether the provider exists; its row is share-locked, so it cannot be deleted before the model
   * that names it commits.
   */
  boolean lockProvider(UUID providerId) {
    return jdbc.sql("SELECT id FROM llm_providers WHERE id = :id FOR SHARE")
        .param("id", providerId)
        .query(UUID.class)
        .optional()
        .isPresent();
  }

  /** Inserts a model added by hand; false when the provider already has this model id. */
  boolean insert(UUID id, ModelRequest model) {
    Map<String, Object> params = columns(model);
    params.put("id", id);
    params.put("providerId", UUID.fromString(model.providerAccountId()));
    return jdbc.sql(
                """
                INSERT INTO llm_models (id, provider_id, model_id, custom_name, source,
                    enabled_for_monitoring, enabled_for_benchmark, ttft_threshold_ms,
                    latency_threshold_ms, probe_max_tokens, metadata)
                VALUES (:id, :providerId, :modelId, :customName, 'manual', :monitoring, :benchmark,
                    :ttft, :latency, :maxTokens, CAST(:metadata AS jsonb))
                ON CONFLICT (provider_id, model_id) DO NOTHING
                """)
            .params(params)
            .update()
        == 1;
  }

  /**
   * Inserts a model the provider listed, monitoring off (the user picks what to watch) and
   * benchmarks on as for a model added by hand; false when the provider has it already, whose
   * settings are then left as they are.
   */
  boolean insertDiscovered(UUID id, UUID providerId, DiscoveredModel found) {
    Map<String, Object> metadata = new LinkedHashMap<>(found.metadata());
    if (!found.displayName().equals(found.id())) {
      metadata.putIfAbsent("display_name", found.displayName());
    }
    return jdbc.sql(
                """
                INSERT INTO llm_models (id, provider_id, model_id, source, enabled_for_monitoring,
                    enabled_for_benchmark, metadata)
                VALUES (:id, :providerId, :modelId, 'discovered', false, true,
                    CAST(:metadata AS jsonb))
                ON CONFLICT (provider_id, model_id) DO NOTHING
                """)
            .param("id", id)
            .param("providerId", providerId)
            .param("modelId", found.id())
            .param("metadata", WireJson.MAPPER.writeValueAsString(metadata))
            .update()
        == 1;
  }

  void update(UUID id, ModelRequest model) {
    Map<String, Object> params = columns(model);
    params.put("id", id);
    jdbc.sql(
            """
            UPDATE llm_models SET custom_name = :customName,
                enabled_for_monitoring = :monitoring, enabled_for_benchmark = :benchmark,
                ttft_threshold_ms = :ttft, latency_threshold_ms = :latency,
                probe_max_tokens = :maxTokens, metadata = CAST(:metadata AS jsonb),
                updated_at = now()
            WHERE id = :id
            """)
        .params(params)
        .update();
  }

  /** The id of the provider's model with this model id, if it has one. */
  Optional<UUID> idOf(UUID providerId, String modelId) {
    return jdbc.sql("SELECT id FROM llm_models WHERE provider_id = :providerId AND model_id = :m")
        .param("providerId", providerId)
        .param("m", modelId)
        .query(UUID.class)
        .optional();
  }

  /** {@code %}, {@code _} and the escape character itself match only themselves. */
  static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Map<String, Object> columns(ModelRequest model) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("modelId", model.modelId());
    params.put("customName", model.customName());
    params.put("monitoring", model.enabledForMonitoring());
    params.put("benchmark", model.enabledForBenchmark());
    params.put("ttft", model.ttftThresholdMs());
    params.put("latency", model.latencyThresholdMs());
    params.put("maxTokens", model.probeMaxTokens());
    params.put(
        "metadata",
        WireJson.MAPPER.writeValueAsString(model.metadata() == null ? Map.of() : model.metadata()));
    return params;
  }

  private static Model model(ResultSet rs, int row) throws SQLException {
    return new Model(
        rs.getObject("id", UUID.class),
        rs.getObject("provider_id", UUID.class),
        rs.getString("provider_name"),
        rs.getString("provider_type"),
        rs.getString("model_id"),
        rs.getString("custom_name"),
        rs.getString("source"),
        rs.getBoolean("enabled_for_monitoring"),
        rs.getBoolean("enabled_for_benchmark"),
        Columns.nullableInteger(rs, "ttft_threshold_ms"),
        Columns.nullableInteger(rs, "latency_threshold_ms"),
        Columns.nullableInteger(rs, "probe_max_tokens"),
        Columns.jsonObject(rs, "metadata"),
        Columns.instant(rs, "created_at"),
        Columns.instant(rs, "updated_at"));
  }
}
