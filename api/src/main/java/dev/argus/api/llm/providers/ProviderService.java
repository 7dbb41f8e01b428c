package dev.argus.api.llm.providers;

import dev.argus.api.llm.LlmCatalog;
import dev.argus.api.system.JsonInputErrors;
import dev.argus.api.system.outbox.ConfigOutbox;
import dev.argus.api.system.secrets.SecretStore;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.secrets.SecretCipher;
import dev.argus.contract.secrets.SecretContext;
import dev.argus.llm.client.ProviderSpec;
import dev.argus.llm.client.ProviderType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Changes provider accounts. Every change writes {@code llm_providers} and appends the account's
 * {@link dev.argus.contract.llm.LlmProviderConfig} to the outbox in one transaction (a delete: a
 * tombstone for it and for each of its models), so collectors learn exactly the committed changes.
 *
 * <p>Secrets are encrypted before they are written ({@link SecretCipher}, bound to the account and
 * the secret's name): the table, the outbox and {@code argus.config} hold envelopes, which the
 * collectors decrypt. A PATCH keeps each stored secret it leaves out or sends back masked; it may
 * not move kept secrets to another host (a changed {@code base_url} origin) without sending them
 * again, so a stolen write key cannot redirect an API key to a server of its choosing.
 */
@Service
class ProviderService implements SecretStore {

  private static final TypeReference<LinkedHashMap<String, String>> STRINGS =
      new TypeReference<>() {};

  private final ProviderRepository providers;
  private final ConfigOutbox outbox;
  private final TransactionTemplate transactions;
  private final SecretCipher cipher;
  private final LlmCatalog catalog;
  private final JsonMapper json;

  ProviderService(
      ProviderRepository providers,
      ConfigOutbox outbox,
      TransactionTemplate transactions,
      SecretCipher cipher,
      LlmCatalog catalog,
      JsonMapper json) {
    this.providers = providers;
    this.outbox = outbox;
    this.transactions = transactions;
    this.cipher = cipher;
    this.catalog = catalog;
    this.json = json;
  }

  ProviderList list() {
    List<Provider> all = providers.all().stream().map(StoredProvider::view).toList();
    return new ProviderList(all, all.size());
  }

  Provider get(UUID id) {
    return providers.find(id).orElseThrow(() -> notFound(id)).view();
  }

  /**
   * A create body as {@link #create} checks it (422 naming each problem): its settings, and its
   * secrets in plain text, for the connection test of a provider not saved yet.
   */
  Draft draft(JsonNode body) {
    ObjectNode request = requireObject(body, "a provider");
    ProviderRules.moveNonSecrets(request);
    ProviderRequest settings = read(request);
    Map<String, String> given = credentialsOf(request);
    List<String> problems = new ArrayList<>(ProviderRules.unknownFields(request));
    problems.addAll(ProviderRules.problems(settings, catalog));
    problems.addAll(ProviderRules.credentialProblems(given));
    given.forEach(
        (name, value) -> {
          if (ProviderRules.MASK.equals(value)) {
            problems.add(maskWithoutSecret(name));
          }
        });
    requireValid(problems);
    return new Draft(settings, withoutNulls(given));
  }

  /** A checked create body; {@code secrets} in plain text. */
  record Draft(ProviderRequest settings, Map<String, String> secrets) {

    /** What the provider client needs, as the provider would be stored. */
    ProviderSpec spec() {
      return new ProviderSpec(
          ProviderType.fromId(settings.providerType()).orElseThrow(),
          ProviderRules.normalisedBaseUrl(settings.baseUrl()),
          blankToNull(settings.region()),
          secrets,
          withoutNulls(settings.options()));
    }
  }

  Provider create(JsonNode body) {
    Draft draft = draft(body);
    ProviderRequest settings = draft.settings();
    UUID id = UUID.randomUUID();
    Map<String, String> credentials = new LinkedHashMap<>();
    draft
        .secrets()
        .forEach((name, value) -> credentials.put(name, cipher.encrypt(value, context(id, name))));
    StoredProvider provider =
        new StoredProvider(
            id,
            settings.providerType(),
            settings.displayName().strip(),
            settings.enabled() == null || settings.enabled(),
            ProviderRules.normalisedBaseUrl(settings.baseUrl()),
            blankToNull(settings.region()),
            credentials,
            withoutNulls(settings.options()),
            0,
            null,
            null);
    return transactions.execute(
        tx -> {
          providers.insert(provider);
          return published(id);
        });
  }

  /** Sets the fields present in {@code patch}; see the class comment for the secrets. */
  Provider patch(UUID id, JsonNode patch) {
    ObjectNode changes = requireObject(patch, "a PATCH body");
    ProviderRules.moveNonSecrets(changes);
    List<String> unknown = ProviderRules.unknownFields(changes);
    requireValid(unknown);
    Map<String, String> given = credentialsOf(changes);
    return transactions.execute(
        tx -> {
          StoredProvider stored = providers.lock(id).orElseThrow(() -> notFound(id));
          ObjectNode merged = json.valueToTree(settingsOf(stored));
          changes.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
          merged.remove("credentials");
          ProviderRequest settings = read(merged);
          List<String> problems = new ArrayList<>(ProviderRules.problems(settings, catalog));
          if (!stored.providerType().equals(settings.providerType())) {
            problems.add(
                "provider_type cannot be changed (it is "
                    + stored.providerType()
                    + "); create a new provider instead");
          }
          problems.addAll(ProviderRules.credentialProblems(given));
          String baseUrl = ProviderRules.normalisedBaseUrl(settings.baseUrl());
          Map<String, String> credentials = new LinkedHashMap<>(stored.credentials());
          List<String> kept = new ArrayList<>(stored.credentials().keySet());
          given.forEach(
              (name, value) -> {
                if (value == null) {
                  credentials.remove(name);
                  kept.remove(name);
                } else if (ProviderRules.MASK.equals(value)) {
                  if (!stored.credentials().containsKey(name)) {
                    problems.add(maskWithoutSecret(name));
                  }
                } else {
                  credentials.put(name, cipher.encrypt(value, context(id, name)));
                  kept.remove(name);
                }
              });
          if (!kept.isEmpty() && !ProviderRules.sameOrigin(stored.baseUrl(), baseUrl)) {
            problems.add(
                "base_url sends the stored credentials ("
                    + String.join(", ", kept.stream().sorted().toList())
                    + ") to another host: send them again with the new base_url");
          }
          requireValid(problems);
          providers.update(
              new StoredProvider(
                  id,
                  stored.providerType(),
                  settings.displayName().strip(),
                  settings.enabled() == null || settings.enabled(),
                  baseUrl,
                  blankToNull(settings.region()),
                  credentials,
                  withoutNulls(settings.options()),
                  stored.modelCount(),
                  stored.createdAt(),
                  stored.updatedAt()));
          return published(id);
        });
  }

  /**
   * Deletes the account and its models (the foreign key cascades), with a tombstone for each; 409
   * when a model has benchmark results, which would lose their model.
   */
  void delete(UUID id) {
    transactions.executeWithoutResult(
        tx -> {
          StoredProvider stored = providers.lock(id).orElseThrow(() -> notFound(id));
          if (providers.hasBenchmarkHistory(id)) {
            throw new ResponseStatusException(
                HttpStatus.CONFLICT,
                "Provider "
                    + id
                    + " ("
                    + stored.displayName()
                    + ") has models with benchmark history; disable it instead (PATCH enabled:"
                    + " false), or delete the benchmark runs first");
          }
          List<UUID> models = providers.lockModels(id);
          providers.delete(id);
          models.forEach(model -> outbox.append(ConfigKeys.llmModel(model.toString()), null));
          outbox.append(ConfigKeys.llmProvider(id.toString()), null);
        });
  }

  @Override
  public String table() {
    return "llm_providers";
  }

  /** Rewrites every provider's secrets, republishing each provider that changed. */
  @Override
  public int rewrite(BiFunction<String, SecretContext, String> rewrite) {
    return transactions.execute(
        tx -> {
          int changed = 0;
          for (StoredProvider provider : providers.lockAll()) {
            Map<String, String> credentials = new LinkedHashMap<>();
            int rewritten = 0;
            for (var secret : provider.credentials().entrySet()) {
              String result =
                  rewrite.apply(secret.getValue(), context(provider.id(), secret.getKey()));
              rewritten += result.equals(secret.getValue()) ? 0 : 1;
              credentials.put(secret.getKey(), result);
            }
            if (rewritten > 0) {
              changed += rewritten;
              providers.updateCredentials(provider.id(), credentials);
              published(provider.id());
            }
          }
          return changed;
        });
  }

  private Provider published(UUID id) {
    StoredProvider provider = providers.find(id).orElseThrow(() -> notFound(id));
    outbox.append(ConfigKeys.llmProvider(id.toString()), ConfigEntry.of(provider.toConfig()));
    return provider.view();
  }

  static SecretContext context(UUID id, String name) {
    return SecretContext.llmProviderField(id.toString(), name);
  }

  private static ProviderRequest settingsOf(StoredProvider stored) {
    return new ProviderRequest(
        stored.providerType(),
        stored.displayName(),
        stored.enabled(),
        stored.baseUrl(),
        stored.region(),
        null,
        stored.options());
  }

  private ProviderRequest read(ObjectNode body) {
    ObjectNode settings = body.deepCopy();
    // Unknown fields are reported apart; the secrets are read on their own.
    settings.retain(ProviderRules.FIELDS);
    settings.remove("credentials");
    try {
      return json.treeToValue(settings, ProviderRequest.class);
    } catch (JacksonException e) {
      throw unprocessable(
          JsonInputErrors.detail(e)
              .orElse("a field has the wrong type: " + e.getOriginalMessage()));
    }
  }

  private Map<String, String> credentialsOf(ObjectNode body) {
    JsonNode credentials = body.get("credentials");
    if (credentials == null || credentials.isNull()) {
      return Map.of();
    }
    if (!credentials.isObject()) {
      throw unprocessable("credentials must be an object of secrets, e.g. {\"api_key\": \"...\"}");
    }
    try {
      return json.treeToValue(credentials, STRINGS);
    } catch (JacksonException e) {
      throw unprocessable("credentials: every secret must be a string (null removes one)");
    }
  }

  private static ObjectNode requireObject(JsonNode body, String what) {
    if (body == null || !body.isObject()) {
      throw unprocessable(what + " must be a JSON object");
    }
    return (ObjectNode) body;
  }

  private static Map<String, String> withoutNulls(Map<String, String> entries) {
    Map<String, String> result = new LinkedHashMap<>();
    if (entries != null) {
      entries.forEach(
          (name, value) -> {
            if (value != null) {
              result.put(name, value);
            }
          });
    }
    return result;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String maskWithoutSecret(String name) {
    return "credentials."
        + name
        + " is the mask "
        + ProviderRules.MASK
        + ", but no "
        + name
        + " is stored: send the secret itself";
  }

  private static void requireValid(List<String> problems) {
    if (!problems.isEmpty()) {
      throw unprocessable(String.join("; ", problems.stream().distinct().toList()));
    }
  }

  private static ResponseStatusException notFound(UUID id) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "Provider " + id + " not found");
  }

  private static ResponseStatusException unprocessable(String detail) {
    return new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, detail);
  }
}
