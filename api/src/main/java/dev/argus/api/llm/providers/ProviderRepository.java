package dev.argus.api.llm.providers;

import dev.argus.api.system.jdbc.Columns;
import dev.argus.contract.WireJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** {@code llm_providers}, written only here; the models' and benchmarks' tables are only read. */
@Repository
class ProviderRepository {

  private static final TypeReference<LinkedHashMap<String, String>> STRINGS =
      new TypeReference<>() {};

  private static final String COLUMNS =
      """
      p.id, p.provider_type, p.display_name, p.enabled, p.base_url, p.region,
      p.credentials::text AS credentials, p.options::text AS options, p.created_at, p.updated_at,
      (SELECT count(*) FROM llm_models m WHERE m.provider_id = p.id) AS model_count
      """;

  private final JdbcClient jdbc;

  ProviderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<StoredProvider> all() {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM llm_providers p ORDER BY lower(p.display_name), p.id")
        .query(ProviderRepository::provider)
        .list();
  }

  Optional<StoredProvider> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM llm_providers p WHERE p.id = :id")
        .param("id", id)
        .query(ProviderRepository::provider)
        .optional();
  }

  /** The provider, its row locked until the transaction ends, so changes publish in order. */
  Optional<StoredProvider> lock(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM llm_providers p WHERE p.id = :id FOR UPDATE")
        .param("id", id)
        .query(ProviderRepository::provider)
        .optional();
  }

  /** Every provider, locked, for the re-encryption. */
  List<StoredProvider> lockAll() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM llm_providers p ORDER BY p.id FOR UPDATE")
        .query(ProviderRepository::provider)
        .list();
  }

  void insert(StoredProvider provider) {
    jdbc.sql(
            """
            INSERT INTO llm_providers (id, provider_type, display_name, enabled, base_url, region,
                credentials, options)
            VALUES (:id, :type, :name, :enabled, :baseUrl, :region, CAST(:credentials AS jsonb),
                CAST(:options AS jsonb))
            """)
        .params(columns(provider))
        .update();
  }

  void update(StoredProvider provider) {
    jdbc.sql(
            """
            UPDATE llm_providers SET display_name = :name, enabled = :enabled,
                base_url = :baseUrl, region = :region, credentials = CAST(:credentials AS jsonb),
                options = CAST(:options AS jsonb), updated_at = now()
            WHERE id = :id
            """)
        .params(columns(provider))
        .update();
  }

  void updateCredentials(UUID id, Map<String, String> credentials) {
    jdbc.sql("UPDATE llm_providers SET credentials = CAST(:credentials AS jsonb) WHERE id = :id")
        .param("credentials", WireJson.MAPPER.writeValueAsString(credentials))
        .param("id", id)
        .update();
  }

  void delete(UUID id) {
    jdbc.sql("DELETE FROM llm_providers WHERE id = :id").param("id", id).update();
  }

  /** Whether a model of the provider has results of a benchmark, which a delete would orphan. */
  boolean hasBenchmarkHistory(UUID id) {
    return jdbc.sql(
            """
            SELECT EXISTS (SELECT 1 FROM llm_benchmark_results r
                JOIN llm_models m ON m.id = r.model_id WHERE m.provider_id = :id)
            """)
        .param("id", id)
        .query(Boolean.class)
        .single();
  }

  /** The provider's models, locked: they go with it (the foreign key cascades). */
  List<UUID> lockModels(UUID id) {
    return jdbc.sql("SELECT id FROM llm_models WHERE provider_id = :id ORDER BY id FOR UPDATE")
        .param("id", id)
        .query(UUID.class)
        .list();
  }

  /** A model of the provider that is monitored, which a connection test had best try, if any. */
  Optional<String> monitoredModel(UUID id) {
    return jdbc.sql(
            """
            SELECT model_id FROM llm_models WHERE provider_id = :id AND enabled_for_monitoring
            ORDER BY model_id LIMIT 1
            """)
        .param("id", id)
        .query(String.class)
        .optional();
  }

  private static Map<String, Object> columns(StoredProvider provider) {
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("id", provider.id());
    columns.put("type", provider.providerType());
    columns.put("name", provider.displayName());
    columns.put("enabled", provider.enabled());
    columns.put("baseUrl", provider.baseUrl());
    columns.put("region", provider.region());
    columns.put("credentials", WireJson.MAPPER.writeValueAsString(provider.credentials()));
    columns.put("options", WireJson.MAPPER.writeValueAsString(provider.options()));
    return columns;
  }

  private static StoredProvider provider(ResultSet rs, int row) throws SQLException {
    return new StoredProvider(
        rs.getObject("id", UUID.class),
        rs.getString("provider_type"),
        rs.getString("display_name"),
        rs.getBoolean("enabled"),
        rs.getString("base_url"),
        rs.getString("region"),
        WireJson.MAPPER.readValue(rs.getString("credentials"), STRINGS),
        WireJson.MAPPER.readValue(rs.getString("options"), STRINGS),
        rs.getLong("model_count"),
        Columns.instant(rs, "created_at"),
        Columns.instant(rs, "updated_at"));
  }
}
