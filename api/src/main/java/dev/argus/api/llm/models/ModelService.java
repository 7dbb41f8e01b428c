package dev.argus.api.llm.models;

import dev.argus.api.system.JsonInputErrors;
import dev.argus.api.system.outbox.ConfigOutbox;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.llm.client.DiscoveredModel;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Changes models. Every change writes {@code llm_models} and appends the model's {@link
 * dev.argus.contract.llm.LlmModelConfig} to the outbox in one transaction. Requests are validated
 * here rather than with {@code @Valid} so that a PATCH, merged into the stored model, meets the
 * same rules as a POST.
 */
@Service
class ModelService {

  private static final Set<String> FIELDS =
      Set.of(
          "provider_account_id",
          "model_id",
          "custom_name",
          "enabled_for_monitoring",
          "enabled_for_benchmark",
          "ttft_threshold_ms",
          "latency_threshold_ms",
          "probe_max_tokens",
          "metadata");

  private final ModelRepository models;
  private final ConfigOutbox outbox;
  private final TransactionTemplate transactions;
  private final Validator validator;
  private final JsonMapper json;

  ModelService(
      ModelRepository models,
      ConfigOutbox outbox,
      TransactionTemplate transactions,
      Validator validator,
      JsonMapper json) {
    this.models = models;
    this.outbox = outbox;
    this.transactions = transactions;
    this.validator = validator;
    this.json = json;
  }

  ModelList page(ModelRepository.Filter filter, int limit, long offset) {
    return models.page(filter, limit, offset);
  }

  Model get(UUID id) {
    return models.find(id).orElseThrow(() -> notFound(id));
  }

  Model create(JsonNode body) {
    ObjectNode request = requireObject(body, "a model");
    ModelRequest model = withDefaults(read(request));
    List<String> problems = new ArrayList<>(unknownFields(request));
    problems.addAll(problems(model));
    if (model.providerAccountId() == null) {
      problems.add("provider_account_id is required: the UUID of the model's provider");
    } else if (uuid(model.providerAccountId()) == null) {
      problems.add(
          "provider_account_id must be a provider's UUID, got '" + model.providerAccountId() + "'");
    }
    if (model.modelId() == null || model.modelId().isBlank()) {
      problems.add("model_id is required: the provider's id of the model, e.g. gpt-4.1");
    }
    requireValid(problems);
    UUID providerId = uuid(model.providerAccountId());
    UUID id = UUID.randomUUID();
    return transactions.execute(
        tx -> {
          if (!models.lockProvider(providerId)) {
            throw unprocessable(
                "provider_account_id: there is no provider "
                    + providerId
                    + " (see GET /api/v1/providers)");
          }
          if (!models.insert(id, model)) {
            UUID other = models.idOf(providerId, model.modelId()).orElse(null);
            throw new ResponseStatusException(
                HttpStatus.CONFLICT,
                "Provider "
                    + providerId
                    + " already has model '"
                    + model.modelId()
                    + "' (id "
                    + other
                    + ")");
          }
          return published(id);
        });
  }

  /** Sets the fields present in {@code patch}; null resets a threshold to the default. */
  Model patch(UUID id, JsonNode patch) {
    ObjectNode changes = requireObject(patch, "a PATCH body");
    requireValid(unknownFields(changes));
    return transactions.execute(
        tx -> {
          Model stored = models.lock(id).orElseThrow(() -> notFound(id));
          ObjectNode merged = json.valueToTree(stored.toRequest());
          merged.setAll(changes);
          ModelRequest model = withDefaults(read(merged));
          List<String> problems = new ArrayList<>(problems(model));
          if (!stored.providerAccountId().toString().equals(model.providerAccountId())) {
            problems.add(
                "provider_account_id cannot be changed; add the model to the other provider");
          }
          if (!stored.modelId().equals(model.modelId())) {
            problems.add("model_id cannot be changed; add a model with the other id");
          }
          requireValid(problems);
          models.update(id, model);
          return published(id);
        });
  }

  /**
   * Adds the listed models the provider does not have yet, each published as a manual one is, in
   * one transaction; the models it has keep their settings. The ids of the added models.
   */
  List<UUID> addDiscovered(UUID providerId, List<DiscoveredModel> found) {
    return transactions.execute(
        tx -> {
          if (!models.lockProvider(providerId)) {
            throw new ResponseStatusException(
                HttpStatus.NOT_FOUND, "Provider " + providerId + " not found");
          }
          List<UUID> added = new ArrayList<>();
          for (DiscoveredModel model : found) {
            UUID id = UUID.randomUUID();
            if (models.insertDiscovered(id, providerId, model)) {
              published(id);
              added.add(id);
            }
          }
          return added;
        });
  }

  private Model published(UUID id) {
    Model model = get(id);
    outbox.append(ConfigKeys.llmModel(id.toString()), ConfigEntry.of(model.toConfig()));
    return model;
  }

  private List<String> problems(ModelRequest model) {
    List<String> problems =
        new ArrayList<>(
            validator.validate(model).stream().map(ConstraintViolation::getMessage).toList());
    if (model.modelId() != null && model.modelId().chars().anyMatch(Character::isISOControl)) {
      problems.add("model_id must not contain control characters");
    }
    return problems;
  }

  private static ModelRequest withDefaults(ModelRequest model) {
    return new ModelRequest(
        model.providerAccountId() == null ? null : model.providerAccountId().strip(),
        model.modelId() == null ? null : model.modelId().strip(),
        model.customName() == null || model.customName().isBlank()
            ? null
            : model.customName().strip(),
        Objects.requireNonNullElse(model.enabledForMonitoring(), false),
        Objects.requireNonNullElse(model.enabledForBenchmark(), true),
        model.ttftThresholdMs(),
        model.latencyThresholdMs(),
        model.probeMaxTokens(),
        model.metadata());
  }

  private ModelRequest read(ObjectNode body) {
    ObjectNode known = body.deepCopy();
    known.retain(FIELDS);
    try {
      return json.treeToValue(known, ModelRequest.class);
    } catch (JacksonException e) {
      throw unprocessable(
          JsonInputErrors.detail(e)
              .orElse("a field has the wrong type: " + e.getOriginalMessage()));
    }
  }

  private static List<String> unknownFields(JsonNode body) {
    return body.propertyNames().stream()
        .filter(name -> !FIELDS.contains(name))
        .sorted()
        .map(
            name ->
                name
                    + " is not a field of a model; the fields are "
                    + String.join(", ", FIELDS.stream().sorted().toList()))
        .toList();
  }

  private static UUID uuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static ObjectNode requireObject(JsonNode body, String what) {
    if (body == null || !body.isObject()) {
      throw unprocessable(what + " must be a JSON object");
    }
    return (ObjectNode) body;
  }

  private static void requireValid(List<String> problems) {
    if (!problems.isEmpty()) {
      throw unprocessable(String.join("; ", problems.stream().distinct().sorted().toList()));
    }
  }

  private static ResponseStatusException notFound(UUID id) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "Model " + id + " not found");
  }

  private static ResponseStatusException unprocessable(String detail) {
    return new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, detail);
  }
}
