package dev.argus.api.targets;

import dev.argus.api.system.JsonInputErrors;
import dev.argus.api.system.outbox.ConfigOutbox;
import dev.argus.api.system.paging.Page;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Changes targets. Every change writes {@code targets} and appends the target's new {@link
 * dev.argus.contract.config.TargetConfig} (a tombstone for a delete) to the config outbox in one
 * transaction, so collectors and the processor learn exactly the committed changes.
 *
 * <p>Requests are validated here rather than with {@code @Valid} so that a PATCH, merged into the
 * stored target, meets the same rules as a POST or PUT.
 */
@Service
class TargetService {

  private final TargetRepository targets;
  private final ConfigOutbox outbox;
  private final TransactionTemplate transactions;
  private final Validator validator;
  private final JsonMapper json;

  TargetService(
      TargetRepository targets,
      ConfigOutbox outbox,
      TransactionTemplate transactions,
      Validator validator,
      JsonMapper json) {
    this.targets = targets;
    this.outbox = outbox;
    this.transactions = transactions;
    this.validator = validator;
    this.json = json;
  }

  Page<Target> page(TargetRepository.Filter filter, int page, int pageSize) {
    return targets.page(filter, page, pageSize);
  }

  Target get(long id) {
    return targets.find(id).orElseThrow(() -> notFound(id));
  }

  Target create(TargetRequest request) {
    validate(request);
    return transactions.execute(
        tx -> {
          requireUniqueName(request.name(), 0);
          return published(targets.insert(request));
        });
  }

  Target replace(long id, TargetRequest given) {
    TargetRequest request =
        targets.find(id).map(stored -> keepingCredentials(given, stored.address())).orElse(given);
    validate(request);
    return transactions.execute(
        tx -> {
          requireUniqueName(request.name(), id);
          if (!targets.update(id, request)) {
            throw notFound(id);
          }
          return published(id);
        });
  }

  /** Sets the fields present in {@code patch} (null resets a field to its default). */
  Target patch(long id, JsonNode patch) {
    if (patch == null || !patch.isObject()) {
      throw unprocessable("a PATCH body must be a JSON object of the fields to change");
    }
    return transactions.execute(
        tx -> {
          Target stored = get(id);
          ObjectNode merged = json.valueToTree(stored.toRequest());
          merged.setAll((ObjectNode) patch);
          TargetRequest request = keepingCredentials(readRequest(merged), stored.address());
          validate(request);
          requireUniqueName(request.name(), id);
          targets.update(id, request);
          return published(id);
        });
  }

  void delete(long id) {
    transactions.executeWithoutResult(
        tx -> {
          if (!targets.delete(id)) {
            throw notFound(id);
          }
          outbox.append(ConfigKeys.target(id), null);
        });
  }

  /**
   * Silences the target's current run of failures on {@code /api/v1/alert-status} until it
   * recovers. 409 when the target is not down: there is nothing to acknowledge.
   */
  Target acknowledge(long id) {
    return transactions.execute(
        tx -> {
          if (!targets.acknowledgeIfDown(id)) {
            if (!targets.exists(id)) {
              throw notFound(id);
            }
            throw new ResponseStatusException(
                HttpStatus.CONFLICT,
                "Target "
                    + id
                    + " is not failing (no probe result yet, or up); there is nothing"
                    + " to acknowledge");
          }
          return published(id);
        });
  }

  Page<ProbeResultItem> results(long id, int page, int pageSize) {
    requireExists(id);
    return targets.results(id, page, pageSize);
  }

  Page<TargetEvent> events(long id, int page, int pageSize) {
    requireExists(id);
    return targets.events(id, page, pageSize);
  }

  private Target published(long id) {
    Target target = get(id);
    outbox.append(ConfigKeys.target(id), ConfigEntry.of(target.toConfig()));
    return target;
  }

  private void requireUniqueName(String name, long id) {
    targets.lockNames();
    targets
        .idOfName(name, id)
        .ifPresent(
            other -> {
              throw new ResponseStatusException(
                  HttpStatus.CONFLICT,
                  "A target named '" + name + "' already exists (id " + other + ")");
            });
  }

  private void requireExists(long id) {
    if (!targets.exists(id)) {
      throw notFound(id);
    }
  }

  private TargetRequest readRequest(ObjectNode merged) {
    try {
      return json.treeToValue(merged, TargetRequest.class);
    } catch (JacksonException e) {
      throw unprocessable(
          JsonInputErrors.detail(e)
              .orElse("a PATCH field has the wrong type: " + e.getOriginalMessage()));
    }
  }

  /** The request with the stored credentials in place of masked ones sent back. */
  private static TargetRequest keepingCredentials(TargetRequest request, String storedAddress) {
    if (request.address() == null) {
      return request;
    }
    return TargetAddresses.restored(request.address(), storedAddress)
        .map(request::withAddress)
        .orElseThrow(
            () ->
                unprocessable(
                    "address holds the masked password "
                        + TargetAddresses.MASK
                        + ", but the"
                        + " stored address has no password for that user, host and port: send"
                        + " the password itself"));
  }

  private void validate(TargetRequest request) {
    List<String> problems =
        Stream.concat(
                validator.validate(request).stream().map(ConstraintViolation::getMessage),
                request.type() == null
                        || request.address() == null
                        || request.checkIntervalSeconds() == null
                    ? Stream.empty()
                    : TargetRules.problems(request).stream())
            .distinct()
            .sorted()
            .toList();
    if (!problems.isEmpty()) {
      throw unprocessable(String.join("; ", problems));
    }
  }

  private static ResponseStatusException notFound(long id) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "Target " + id + " not found");
  }

  private static ResponseStatusException unprocessable(String detail) {
    return new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, detail);
  }
}
