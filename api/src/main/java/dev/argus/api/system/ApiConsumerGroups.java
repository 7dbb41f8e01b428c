package dev.argus.api.system;

import java.util.List;

/**
 * The consumer groups of the api, named once: the features that consume with them and the metrics
 * that report their lag meet here (features reach each other only through {@code system}).
 */
public final class ApiConsumerGroups {

  /** Alert deliveries from {@code argus.events}: one delivery per alert across replicas. */
  public static final String ALERTS = "argus-alerts";

  /** The camera event describer on {@code argus.camera.events}, shared by replicas. */
  public static final String DESCRIBER = "argus-describer";

  /**
   * Every group that commits offsets. The live and benchmark feeds read from the end and commit
   * nothing, so they have no lag to show.
   */
  public static final List<String> COMMITTING = List.of(ALERTS, DESCRIBER);

  private ApiConsumerGroups() {}
}
