package dev.argus.api.security;

import dev.argus.api.system.jdbc.Columns;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code api_keys}: keys are looked up by hash; the plaintext never reaches the database. */
@Repository
class ApiKeyRepository {

  private static final String COLUMNS =
      "id, name, prefix, scopes, enabled, expires_at, rate_limit_per_minute, created_at,"
          + " revoked_at, last_used_at, last_used_ip, usage_count";

  private final JdbcClient jdbc;

  ApiKeyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  ApiKey insert(
      UUID id,
      String name,
      String prefix,
      String hash,
      List<Scope> scopes,
      Instant expiresAt,
      Integer rateLimitPerMinute) {
    return jdbc.sql(
            "INSERT INTO api_keys (id, name, prefix, key_hash, scopes, expires_at,"
                + " rate_limit_per_minute) VALUES (:id, :name, :prefix, :hash,"
                + " string_to_array(:scopes, ','), :expiresAt, :limit) RETURNING "
                + COLUMNS)
        .param("id", id)
        .param("name", name)
        .param("prefix", prefix)
        .param("hash", hash)
        .param("scopes", String.join(",", scopes.stream().map(Scope::wireName).toList()))
        .param(
            "expiresAt",
            expiresAt == null ? null : OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
        .param("limit", rateLimitPerMinute)
        .query(ApiKeyRepository::apiKey)
        .single();
  }

  Optional<ApiKey> findByHash(String hash) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = :hash")
        .param("hash", hash)
        .query(ApiKeyRepository::apiKey)
        .optional();
  }

  Optional<ApiKey> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE id = :id")
        .param("id", id)
        .query(ApiKeyRepository::apiKey)
        .optional();
  }

  List<ApiKey> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys ORDER BY created_at, id")
        .query(ApiKeyRepository::apiKey)
        .list();
  }

  Optional<ApiKey> setEnabled(UUID id, boolean enabled) {
    return jdbc.sql(
            "UPDATE api_keys SET enabled = :enabled WHERE id = :id AND revoked_at IS NULL"
                + " RETURNING "
                + COLUMNS)
        .param("id", id)
        .param("enabled", enabled)
        .query(ApiKeyRepository::apiKey)
        .optional();
  }

  /** Revoking is final; revoking twice keeps the first time. */
  Optional<ApiKey> revoke(UUID id) {
    return jdbc.sql(
            "UPDATE api_keys SET enabled = false, revoked_at = COALESCE(revoked_at, now())"
                + " WHERE id = :id RETURNING "
                + COLUMNS)
        .param("id", id)
        .query(ApiKeyRepository::apiKey)
        .optional();
  }

  void recordUse(UUID id, String ip) {
    jdbc.sql(
            "UPDATE api_keys SET last_used_at = now(), last_used_ip = :ip,"
                + " usage_count = usage_count + 1 WHERE id = :id")
        .param("id", id)
        .param("ip", ip)
        .update();
  }

  private static ApiKey apiKey(ResultSet rs, int row) throws SQLException {
    return new ApiKey(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getString("prefix"),
        scopes(rs.getArray("scopes")),
        rs.getBoolean("enabled"),
        Columns.instant(rs, "expires_at"),
        rs.getObject("rate_limit_per_minute", Integer.class),
        Columns.instant(rs, "created_at"),
        Columns.instant(rs, "revoked_at"),
        Columns.instant(rs, "last_used_at"),
        rs.getString("last_used_ip"),
        rs.getLong("usage_count"));
  }

  private static List<Scope> scopes(Array array) throws SQLException {
    return Arrays.stream((String[]) array.getArray()).map(Scope::fromWireName).toList();
  }
}
