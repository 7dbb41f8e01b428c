package dev.argus.api.protect;

import dev.argus.api.system.JsonInputErrors;
import dev.argus.api.system.outbox.ConfigOutbox;
import dev.argus.api.system.secrets.SecretStore;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.secrets.SecretCipher;
import dev.argus.contract.secrets.SecretContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Changes Protect controllers. Every change writes {@code protect_controllers} and appends the
 * controller's {@link dev.argus.contract.camera.ProtectControllerConfig} to the config outbox in
 * one transaction (a delete: a tombstone), so collectors learn exactly the committed changes.
 *
 * <p>The password is encrypted before it is written ({@link SecretCipher}, bound to the controller
 * and the field): the table, the outbox and {@code argus.config} hold the envelope, which the
 * collector running the session decrypts. A controller always has one (Protect logs in with it), so
 * a PUT replaces it only when it sends a non-empty {@code password}.
 */
@Service
class ProtectControllerService implements SecretStore {

  private final ProtectControllerRepository controllers;
  private final ConfigOutbox outbox;
  private final TransactionTemplate transactions;
  private final SecretCipher cipher;
  private final JsonMapper json;

  ProtectControllerService(
      ProtectControllerRepository controllers,
      ConfigOutbox outbox,
      TransactionTemplate transactions,
      SecretCipher cipher,
      JsonMapper json) {
    this.controllers = controllers;
    this.outbox = outbox;
    this.transactions = transactions;
    this.cipher = cipher;
    this.json = json;
  }

  ProtectControllerList list() {
    List<ProtectController> all =
        controllers.all().stream().map(StoredProtectController::view).toList();
    return new ProtectControllerList(all, all.size());
  }

  ProtectController get(UUID id) {
    return stored(id).view();
  }

  StoredProtectController stored(UUID id) {
    return controllers.find(id).orElseThrow(() -> notFound(id));
  }

  ProtectController create(JsonNode body) {
    ObjectNode request = requireObject(body);
    List<String> problems =
        new ArrayList<>(
            ProtectControllerRules.unknownFields(
                request.propertyNames(), ProtectControllerRules.FIELDS));
    ProtectControllerRequest given = read(request);
    ProtectControllerSettings settings = ProtectControllerRules.settle(given, true, problems);
    String password = ProtectControllerRules.blankToNull(given.password());
    if (password == null) {
      problems.add("password is required: the password of the controller's user");
    }
    requireValid(problems);
    UUID id = UUID.randomUUID();
    Map<String, String> credentials = new LinkedHashMap<>();
    credentials.put(StoredProtectController.PASSWORD, encrypt(id, given.password()));
    return write(
        () -> {
          requireUniqueName(settings.name(), id);
          controllers.insert(id, settings, credentials);
          return published(id);
        });
  }

  /** Sets the fields present in {@code body}; see the class comment for the password. */
  ProtectController update(UUID id, JsonNode body) {
    ObjectNode changes = requireObject(body);
    requireValid(
        ProtectControllerRules.unknownFields(
            changes.propertyNames(), ProtectControllerRules.FIELDS));
    JsonNode bodyId = changes.get("id");
    if (bodyId != null && !bodyId.isNull() && !bodyId.asString().equals(id.toString())) {
      throw unprocessable(
          "id in the body (" + bodyId.asString() + ") is not the controller's id " + id);
    }
    return write(
        () -> {
          StoredProtectController stored = controllers.lock(id).orElseThrow(() -> notFound(id));
          ObjectNode merged = json.valueToTree(stored.toRequest());
          changes.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
          merged.retain(ProtectControllerRules.FIELDS);
          ProtectControllerRequest request = read(merged);
          List<String> problems = new ArrayList<>();
          ProtectControllerSettings settings =
              ProtectControllerRules.settle(request, true, problems);
          requireValid(problems);
          Map<String, String> credentials = new LinkedHashMap<>(stored.credentials());
          String password = request.password();
          if (password != null && !password.isEmpty()) {
            credentials.put(StoredProtectController.PASSWORD, encrypt(id, password));
          }
          requireUniqueName(settings.name(), id);
          controllers.update(id, settings, credentials);
          return published(id);
        });
  }

  /**
   * Deletes the controller and queues its tombstone; refused (409) while Argus cameras of type
   * protect name it, since their events would have no session to come from.
   */
  void delete(UUID id) {
    transactions.executeWithoutResult(
        tx -> {
          controllers.lock(id).orElseThrow(() -> notFound(id));
          List<ProtectControllerRepository.ArgusCamera> cameras = controllers.cameras(id);
          if (!cameras.isEmpty()) {
            throw new ResponseStatusException(
                HttpStatus.CONFLICT,
                "Protect controller "
                    + id
                    + " still has cameras: "
                    + String.join(
                        ", ",
                        cameras.stream().map(c -> "'" + c.name() + "' (" + c.id() + ")").toList())
                    + "; delete them first (DELETE /api/v1/cameras/{id})");
          }
          controllers.delete(id);
          outbox.append(ConfigKeys.protectController(id.toString()), null);
        });
  }

  /** The stored password in plain text, for a connection test or the camera list. */
  String password(StoredProtectController controller) {
    String envelope = controller.credentials().get(StoredProtectController.PASSWORD);
    return envelope == null
        ? null
        : cipher.decrypt(envelope, context(controller.id(), StoredProtectController.PASSWORD));
  }

  @Override
  public String table() {
    return "protect_controllers";
  }

  /** Rewrites every controller's secrets, republishing each controller that changed. */
  @Override
  public int rewrite(BiFunction<String, SecretContext, String> rewrite) {
    return transactions.execute(
        tx -> {
          int changed = 0;
          for (StoredProtectController controller : controllers.lockAll()) {
            Map<String, String> credentials = new LinkedHashMap<>();
            int rewritten = 0;
            for (var secret : controller.credentials().entrySet()) {
              String result =
                  rewrite.apply(secret.getValue(), context(controller.id(), secret.getKey()));
              rewritten += result.equals(secret.getValue()) ? 0 : 1;
              credentials.put(secret.getKey(), result);
            }
            if (rewritten > 0) {
              changed += rewritten;
              controllers.updateCredentials(controller.id(), credentials);
              published(controller.id());
            }
          }
          return changed;
        });
  }

  static SecretContext context(UUID id, String field) {
    return SecretContext.protectControllerField(id.toString(), field);
  }

  private String encrypt(UUID id, String password) {
    return cipher.encrypt(password, context(id, StoredProtectController.PASSWORD));
  }

  private ProtectController published(UUID id) {
    StoredProtectController controller = controllers.find(id).orElseThrow(() -> notFound(id));
    outbox.append(
        ConfigKeys.protectController(id.toString()), ConfigEntry.of(controller.toConfig()));
    return controller.view();
  }

  /** Runs a write in a transaction; the unique name index's refusal of a race is a 409 too. */
  private ProtectController write(Supplier<ProtectController> change) {
    try {
      return transactions.execute(tx -> change.get());
    } catch (DuplicateKeyException e) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "Another Protect controller has this name; choose another name");
    }
  }

  private void requireUniqueName(String name, UUID id) {
    controllers.lockNames();
    controllers
        .idOfName(name, id)
        .ifPresent(
            other -> {
              throw new ResponseStatusException(
                  HttpStatus.CONFLICT,
                  "A Protect controller named '" + name + "' already exists (id " + other + ")");
            });
  }

  ProtectControllerRequest read(ObjectNode body) {
    ObjectNode fields = body.deepCopy();
    fields.retain(ProtectControllerRules.FIELDS);
    try {
      return json.treeToValue(fields, ProtectControllerRequest.class);
    } catch (JacksonException e) {
      throw unprocessable(
          JsonInputErrors.detail(e)
              .orElse("a field has the wrong type: " + e.getOriginalMessage()));
    }
  }

  static ObjectNode requireObject(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw unprocessable("a Protect controller body must be a JSON object");
    }
    return (ObjectNode) body;
  }

  static void requireValid(List<String> problems) {
    if (!problems.isEmpty()) {
      throw unprocessable(String.join("; ", problems.stream().distinct().toList()));
    }
  }

  static ResponseStatusException notFound(UUID id) {
    return new ResponseStatusException(
        HttpStatus.NOT_FOUND, "Protect controller " + id + " not found");
  }

  static ResponseStatusException unprocessable(String detail) {
    return new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, detail);
  }
}
