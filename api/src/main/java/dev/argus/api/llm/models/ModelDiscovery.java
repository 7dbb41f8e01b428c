package dev.argus.api.llm.models;

import dev.argus.llm.client.DiscoveredModel;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * How the providers feature adds the models a provider lists ({@code POST
 * /api/v1/providers/{id}/refresh-models}) through the models feature's own writes and publishing.
 */
@Service
public class ModelDiscovery {

  private final ModelService models;

  ModelDiscovery(ModelService models) {
    this.models = models;
  }

  /**
   * Adds the models of {@code found} that provider {@code providerId} does not have yet ({@code
   * source: discovered}, monitoring off), publishing each to {@code argus.config} in the same
   * transaction; existing models keep their settings. Models no longer listed are kept.
   *
   * @return the ids of the added models
   * @throws org.springframework.web.server.ResponseStatusException 404 when the provider is gone
   */
  public List<UUID> addNew(UUID providerId, List<DiscoveredModel> found) {
    return models.addDiscovered(providerId, found);
  }
}
