package dev.argus.api.llm.providers;

import dev.argus.api.llm.models.ModelDiscovery;
import dev.argus.contract.secrets.SecretCipher;
import dev.argus.contract.secrets.SecretDecryptionException;
import dev.argus.llm.client.DiscoveredModel;
import dev.argus.llm.client.ProviderClient;
import dev.argus.llm.client.ProviderException;
import dev.argus.llm.client.ProviderSpec;
import dev.argus.llm.client.ProviderType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/**
 * What the api asks of the providers themselves: connection tests and model discovery. Whatever the
 * provider does (refuses, times out, answers 401 or garbage) is an answer with {@code success:
 * false} and the provider's own words, never an HTTP error of the api: the request was fine, the
 * provider was not. The network calls run outside any transaction; only the models found are
 * written, in one.
 *
 * <p>The stored secrets are decrypted here, for the call only, with the system's cipher; they are
 * never part of an answer or a log line ({@link ProviderSpec#toString()} leaves them out).
 */
@Service
class ProviderChecks {

  private final ProviderService providers;
  private final ProviderRepository repository;
  private final ProviderConnections connections;
  private final SecretCipher cipher;
  private final ModelDiscovery discovery;

  ProviderChecks(
      ProviderService providers,
      ProviderRepository repository,
      ProviderConnections connections,
      SecretCipher cipher,
      ModelDiscovery discovery) {
    this.providers = providers;
    this.repository = repository;
    this.connections = connections;
    this.cipher = cipher;
    this.discovery = discovery;
  }

  /** Tests a provider not saved yet; its body is checked as a create body is (422). */
  ConnectionCheck testUnsaved(JsonNode body) {
    ProviderSpec spec = providers.draft(body).spec();
    ProviderClient client;
    try {
      client = connections.client(spec);
    } catch (IllegalArgumentException e) {
      // A field the type needs is missing (credentials.api_key, options.resource): the request's
      // fault, as on create.
      throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }
    return ConnectionCheck.of(client.test());
  }

  /** Tests a saved provider, trying one of its monitored models when the provider lists one. */
  ConnectionCheck test(UUID id) {
    StoredProvider stored = stored(id);
    ProviderClient client;
    try {
      client = connections.client(spec(stored));
    } catch (IllegalArgumentException | SecretDecryptionException e) {
      return ConnectionCheck.notStarted(cannotStart(id, e));
    }
    return ConnectionCheck.of(client.test(repository.monitoredModel(id).orElse(null)));
  }

  /**
   * Lists every page of the provider's models and adds the new ones; the known ones keep their
   * settings, and models no longer listed stay.
   */
  ModelRefresh refreshModels(UUID id) {
    StoredProvider stored = stored(id);
    List<DiscoveredModel> found;
    try {
      found = connections.client(spec(stored)).listModels();
    } catch (IllegalArgumentException | SecretDecryptionException e) {
      return new ModelRefresh(false, 0, 0, cannotStart(id, e));
    } catch (ProviderException e) {
      return new ModelRefresh(false, 0, 0, "Could not list the models: " + e.getMessage());
    }
    int added = discovery.addNew(id, found).size();
    return new ModelRefresh(
        true,
        found.size(),
        added,
        "The provider lists "
            + found.size()
            + " models: "
            + added
            + " new (added with monitoring off), "
            + (found.size() - added)
            + " already known (settings kept)");
  }

  private StoredProvider stored(UUID id) {
    return repository
        .find(id)
        .orElseThrow(
            () ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "Provider " + id + " not found"));
  }

  private ProviderSpec spec(StoredProvider stored) {
    Map<String, String> secrets = new LinkedHashMap<>();
    stored
        .credentials()
        .forEach(
            (name, value) ->
                secrets.put(
                    name, cipher.reveal(value, ProviderService.context(stored.id(), name))));
    return new ProviderSpec(
        ProviderType.fromId(stored.providerType()).orElseThrow(),
        stored.baseUrl(),
        stored.region(),
        secrets,
        stored.options());
  }

  private static String cannotStart(UUID id, RuntimeException e) {
    return e instanceof SecretDecryptionException
        ? "The stored credentials cannot be decrypted ("
            + e.getMessage()
            + "): send them again with PATCH /api/v1/providers/"
            + id
        : "The provider cannot be reached as it is saved: "
            + e.getMessage()
            + "; set it with PATCH /api/v1/providers/"
            + id;
  }
}
