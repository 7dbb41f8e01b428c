package dev.argus.collector.config;

import dev.argus.contract.config.TargetConfig;
import java.util.Collection;
import java.util.List;

/**
 * The uptime targets this collector probes: the enabled api-managed targets assigned to it, and
 * those assigned to no collector when it accepts them ({@code
 * ARGUS_COLLECTOR_ACCEPT_UNASSIGNED_TARGETS}). A target of another collector is left to that one,
 * so that a site's targets are probed from the collector that can reach them, once.
 */
public final class ProbedTargets {

  private ProbedTargets() {}

  /**
   * @param targets every target on {@code argus.config}, in the order to keep
   * @param collectorId this collector: a target with another {@code collector_id} is another
   *     collector's
   * @param acceptUnassigned whether a target without {@code collector_id} is probed here
   */
  public static List<TargetConfig> select(
      Collection<TargetConfig> targets, String collectorId, boolean acceptUnassigned) {
    return targets.stream()
        .filter(TargetConfig::enabled)
        .filter(target -> isForThisCollector(target, collectorId, acceptUnassigned))
        .toList();
  }

  static boolean isForThisCollector(
      TargetConfig target, String collectorId, boolean acceptUnassigned) {
    if (target.collectorId() == null || target.collectorId().isBlank()) {
      return acceptUnassigned;
    }
    return target.collectorId().trim().equals(collectorId);
  }
}
