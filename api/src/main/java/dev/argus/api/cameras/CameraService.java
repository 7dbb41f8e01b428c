package dev.argus.api.cameras;

import dev.argus.api.system.JsonInputErrors;
import dev.argus.api.system.outbox.ConfigOutbox;
import dev.argus.api.system.secrets.SecretStore;
import dev.argus.api.system.settings.SystemSettingsRepository;
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
 * Changes cameras. Every change writes {@code cameras} and appends the camera's {@link
 * dev.argus.contract.camera.CameraConfig} to the config outbox in one transaction (a delete: a
 * tombstone), so collectors learn exactly the committed changes.
 *
 * <p>The password is encrypted before it is written ({@link SecretCipher}, bound to the camera and
 * the field): the table, the outbox and {@code argus.config} hold the envelope, which collectors
 * decrypt. A PUT changes the fields it sends; it keeps the stored password unless it sends {@code
 * password} (a string replaces it, {@code null} or {@code ""} removes it).
 */
@Service
class CameraService implements SecretStore {

  private final CameraRepository cameras;
  private final SystemSettingsRepository systemSettings;
  private final ConfigOutbox outbox;
  private final TransactionTemplate transactions;
  private final SecretCipher cipher;
  private final JsonMapper json;

  CameraService(
      CameraRepository cameras,
      SystemSettingsRepository systemSettings,
      ConfigOutbox outbox,
      TransactionTemplate transactions,
      SecretCipher cipher,
      JsonMapper json) {
    this.cameras = cameras;
    this.systemSettings = systemSettings;
    this.outbox = outbox;
    this.transactions = transactions;
    this.cipher = cipher;
    this.json = json;
  }

  CameraList list() {
    List<Camera> all = cameras.all().stream().map(StoredCamera::view).toList();
    return new CameraList(all, all.size());
  }

  Camera get(UUID id) {
    return cameras.find(id).orElseThrow(() -> notFound(id)).view();
  }

  /** A create body, checked as a create is (422 naming each problem), password in plain text. */
  Draft draft(JsonNode body) {
    ObjectNode request = requireObject(body);
    List<String> problems = new ArrayList<>(CameraRules.unknownFields(request.propertyNames()));
    CameraRequest given = read(request);
    CameraSettings settings =
        CameraRules.settle(given, CameraDefaults.of(systemSettings.current()), problems);
    requireValid(problems);
    return new Draft(settings, CameraRules.blankToNull(given.password()));
  }

  /** A checked camera body; {@code password} in plain text, null for none. */
  record Draft(CameraSettings settings, String password) {}

  Camera create(JsonNode body) {
    Draft draft = draft(body);
    UUID id = UUID.randomUUID();
    Map<String, String> credentials = new LinkedHashMap<>();
    if (draft.password() != null) {
      credentials.put(StoredCamera.PASSWORD, encrypt(id, draft.password()));
    }
    return write(
        () -> {
          requireUniqueName(draft.settings().name(), id);
          requireProtectCamera(draft.settings(), id);
          cameras.insert(id, draft.settings(), credentials);
          return published(id);
        });
  }

  /** Sets the fields present in {@code body}; see the class comment for the password. */
  Camera update(UUID id, JsonNode body) {
    ObjectNode changes = requireObject(body);
    List<String> unknown = CameraRules.unknownFields(changes.propertyNames());
    requireValid(unknown);
    JsonNode bodyId = changes.get("id");
    if (bodyId != null && !bodyId.isNull() && !bodyId.asString().equals(id.toString())) {
      throw unprocessable(
          "id in the body (" + bodyId.asString() + ") is not the camera's id " + id);
    }
    return write(
        () -> {
          StoredCamera stored = cameras.lock(id).orElseThrow(() -> notFound(id));
          ObjectNode merged = json.valueToTree(stored.toRequest());
          changes.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
          merged.remove("password");
          List<String> problems = new ArrayList<>();
          CameraSettings settings =
              CameraRules.settle(
                  read(merged), CameraDefaults.of(systemSettings.current()), problems);
          Map<String, String> credentials = new LinkedHashMap<>(stored.credentials());
          if (changes.has("password")) {
            JsonNode password = changes.get("password");
            if (password.isNull() || password.isString() && password.asString().isEmpty()) {
              credentials.remove(StoredCamera.PASSWORD);
            } else if (!password.isString()) {
              problems.add("password must be a string (null or \"\" removes it)");
            } else if (password.asString().length() > 1024) {
              problems.add("password must be at most 1024 characters");
            } else {
              credentials.put(StoredCamera.PASSWORD, encrypt(id, password.asString()));
            }
          }
          if ("protect".equals(settings.type())) {
            // Its controller holds the credentials; a camera that became protect drops its own.
            if (credentials.containsKey(StoredCamera.PASSWORD) && changes.has("password")) {
              problems.add(
                  "a protect camera has no username or password: it is reached through its"
                      + " controller, whose credentials are set on /api/v1/protect/controllers");
            }
            credentials.clear();
          }
          requireValid(problems);
          requireUniqueName(settings.name(), id);
          requireProtectCamera(settings, id);
          cameras.update(id, settings, credentials);
          return published(id);
        });
  }

  /** Deletes the camera and queues its tombstone; its events stay until retention. */
  void delete(UUID id) {
    transactions.executeWithoutResult(
        tx -> {
          if (!cameras.delete(id)) {
            throw notFound(id);
          }
          outbox.append(ConfigKeys.camera(id.toString()), null);
        });
  }

  /** Starts (true) or stops the camera's worker: sets {@code started} and publishes it. */
  Camera setStarted(UUID id, boolean started) {
    return transactions.execute(
        tx -> {
          cameras.lock(id).orElseThrow(() -> notFound(id));
          cameras.setStarted(id, started);
          return published(id);
        });
  }

  @Override
  public String table() {
    return "cameras";
  }

  /** Rewrites every camera's secrets, republishing each camera that changed. */
  @Override
  public int rewrite(BiFunction<String, SecretContext, String> rewrite) {
    return transactions.execute(
        tx -> {
          int changed = 0;
          for (StoredCamera camera : cameras.lockAll()) {
            Map<String, String> credentials = new LinkedHashMap<>();
            int rewritten = 0;
            for (var secret : camera.credentials().entrySet()) {
              String result =
                  rewrite.apply(secret.getValue(), context(camera.id(), secret.getKey()));
              rewritten += result.equals(secret.getValue()) ? 0 : 1;
              credentials.put(secret.getKey(), result);
            }
            if (rewritten > 0) {
              changed += rewritten;
              cameras.updateCredentials(camera.id(), credentials);
              published(camera.id());
            }
          }
          return changed;
        });
  }

  static SecretContext context(UUID id, String field) {
    return SecretContext.cameraField(id.toString(), field);
  }

  private String encrypt(UUID id, String password) {
    return cipher.encrypt(password, context(id, StoredCamera.PASSWORD));
  }

  private Camera published(UUID id) {
    StoredCamera camera = cameras.find(id).orElseThrow(() -> notFound(id));
    outbox.append(ConfigKeys.camera(id.toString()), ConfigEntry.of(camera.toConfig()));
    return camera.view();
  }

  /** Runs a write in a transaction; the unique name index's refusal of a race is a 409 too. */
  private Camera write(java.util.function.Supplier<Camera> change) {
    try {
      return transactions.execute(tx -> change.get());
    } catch (DuplicateKeyException e) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT,
          "Another camera has this name or is made of this Protect camera; choose another");
    }
  }

  private void requireUniqueName(String name, UUID id) {
    cameras.lockNames();
    cameras
        .idOfName(name, id)
        .ifPresent(
            other -> {
              throw new ResponseStatusException(
                  HttpStatus.CONFLICT,
                  "A camera named '" + name + "' already exists (id " + other + ")");
            });
  }

  /**
   * A protect camera names a controller that exists and a controller's camera no other Argus camera
   * is made of. Called with the names lock held, which serialises camera writes.
   */
  private void requireProtectCamera(CameraSettings settings, UUID id) {
    UUID controller = settings.protectControllerId();
    if (controller == null) {
      return;
    }
    if (!cameras.protectControllerExists(controller)) {
      throw unprocessable(
          "protect_controller_id: no Protect controller "
              + controller
              + "; list them with GET /api/v1/protect/controllers");
    }
    cameras
        .idOfProtectCamera(controller, settings.protectCameraId(), id)
        .ifPresent(
            other -> {
              throw new ResponseStatusException(
                  HttpStatus.CONFLICT,
                  "Protect camera "
                      + settings.protectCameraId()
                      + " of controller "
                      + controller
                      + " is already the Argus camera "
                      + other);
            });
  }

  private CameraRequest read(ObjectNode body) {
    ObjectNode fields = body.deepCopy();
    fields.retain(CameraRules.FIELDS);
    try {
      return json.treeToValue(fields, CameraRequest.class);
    } catch (JacksonException e) {
      throw unprocessable(
          JsonInputErrors.detail(e)
              .orElse("a field has the wrong type: " + e.getOriginalMessage()));
    }
  }

  private static ObjectNode requireObject(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw unprocessable("a camera body must be a JSON object");
    }
    return (ObjectNode) body;
  }

  private static void requireValid(List<String> problems) {
    if (!problems.isEmpty()) {
      throw unprocessable(String.join("; ", problems.stream().distinct().toList()));
    }
  }

  static ResponseStatusException notFound(UUID id) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "Camera " + id + " not found");
  }

  private static ResponseStatusException unprocessable(String detail) {
    return new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, detail);
  }
}
