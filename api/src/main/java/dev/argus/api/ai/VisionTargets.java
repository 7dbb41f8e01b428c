package dev.argus.api.ai;

import dev.argus.contract.WireJson;
import dev.argus.contract.secrets.SecretCipher;
import dev.argus.contract.secrets.SecretContext;
import dev.argus.contract.secrets.SecretDecryptionException;
import dev.argus.llm.client.ProviderSpec;
import dev.argus.llm.client.ProviderType;
import dev.argus.llm.vision.VisionCapabilities;
import dev.argus.llm.vision.VisionTarget;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/**
 * Turns llm_models ids into links of the fallback chain: each model with its provider account
 * ({@code llm_providers}, read only here), the account's credentials decrypted with the system's
 * cipher for the call (never logged: {@link ProviderSpec#toString()} leaves them out). Only
 * vision-capable provider types ({@link VisionCapabilities#of}) of enabled accounts take part.
 */
@Component
class VisionTargets {

  private static final TypeReference<LinkedHashMap<String, String>> STRINGS =
      new TypeReference<>() {};

  /** One stored model with its account; credentials still encrypted. */
  record StoredModel(
      UUID modelId,
      String model,
      UUID providerId,
      String provider,
      String providerType,
      boolean providerEnabled,
      String baseUrl,
      String region,
      Map<String, String> credentials,
      Map<String, String> options) {}

  /** One provider account (for the capabilities). */
  record Account(UUID id, String name, String providerType) {}

  private final JdbcClient jdbc;
  private final SecretCipher cipher;

  VisionTargets(JdbcClient jdbc, SecretCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  /** Every id of {@code chain}, in order, with whether and why not it can describe. */
  List<ChainLink> links(List<UUID> chain) {
    return chain.stream().map(this::link).toList();
  }

  /** The usable links of {@code chain}, in order. */
  List<VisionTarget> targets(List<UUID> chain) {
    return links(chain).stream().filter(ChainLink::usable).map(ChainLink::target).toList();
  }

  /** The link of one model, e.g. a model a request names instead of the chain. */
  ChainLink link(UUID modelId) {
    Optional<StoredModel> found = find(modelId);
    if (found.isEmpty()) {
      return new ChainLink(
          modelId,
          null,
          null,
          null,
          null,
          false,
          null,
          "model " + modelId + " not found (see GET /api/v1/models)");
    }
    StoredModel stored = found.get();
    Optional<ProviderType> type = ProviderType.fromId(stored.providerType());
    boolean vision = type.isPresent() && VisionCapabilities.of(type.get()).vision();
    String problem = null;
    VisionTarget target = null;
    if (!vision) {
      problem = "provider type " + stored.providerType() + " cannot describe images";
    } else if (!stored.providerEnabled()) {
      problem = "provider " + stored.provider() + " is disabled";
    } else {
      try {
        target =
            new VisionTarget(
                stored.providerId().toString(),
                stored.provider(),
                spec(stored, type.get()),
                stored.model());
      } catch (SecretDecryptionException e) {
        problem =
            "the credentials of provider "
                + stored.provider()
                + " cannot be decrypted; send them again with PATCH /api/v1/providers/"
                + stored.providerId();
      }
    }
    return new ChainLink(
        modelId,
        stored.model(),
        stored.providerId(),
        stored.provider(),
        stored.providerType(),
        vision,
        target,
        problem);
  }

  /** Every provider account, by name. */
  List<Account> accounts() {
    return jdbc.sql(
            "SELECT id, display_name, provider_type FROM llm_providers"
                + " ORDER BY lower(display_name), id")
        .query(
            (rs, row) ->
                new Account(
                    rs.getObject("id", UUID.class),
                    rs.getString("display_name"),
                    rs.getString("provider_type")))
        .list();
  }

  private Optional<StoredModel> find(UUID modelId) {
    return jdbc.sql(
            """
            SELECT m.id, m.model_id, p.id AS provider_id, p.display_name, p.provider_type,
                p.enabled, p.base_url, p.region, p.credentials::text AS credentials,
                p.options::text AS options
            FROM llm_models m JOIN llm_providers p ON p.id = m.provider_id
            WHERE m.id = :id
            """)
        .param("id", modelId)
        .query(VisionTargets::stored)
        .optional();
  }

  private ProviderSpec spec(StoredModel stored, ProviderType type) {
    Map<String, String> secrets = new LinkedHashMap<>();
    stored
        .credentials()
        .forEach(
            (name, value) ->
                secrets.put(
                    name,
                    cipher.reveal(
                        value,
                        SecretContext.llmProviderField(stored.providerId().toString(), name))));
    return new ProviderSpec(type, stored.baseUrl(), stored.region(), secrets, stored.options());
  }

  private static StoredModel stored(ResultSet rs, int row) throws SQLException {
    return new StoredModel(
        rs.getObject("id", UUID.class),
        rs.getString("model_id"),
        rs.getObject("provider_id", UUID.class),
        rs.getString("display_name"),
        rs.getString("provider_type"),
        rs.getBoolean("enabled"),
        rs.getString("base_url"),
        rs.getString("region"),
        WireJson.MAPPER.readValue(rs.getString("credentials"), STRINGS),
        WireJson.MAPPER.readValue(rs.getString("options"), STRINGS));
  }
}
