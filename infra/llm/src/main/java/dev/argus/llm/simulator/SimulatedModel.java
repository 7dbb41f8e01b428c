package dev.argus.llm.simulator;

import java.util.Objects;

/** A model a {@link SimulatedProviderServer} lists and answers for. */
public record SimulatedModel(String id, ModelBehaviour behaviour) {

  public SimulatedModel {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(behaviour, "behaviour");
  }
}
