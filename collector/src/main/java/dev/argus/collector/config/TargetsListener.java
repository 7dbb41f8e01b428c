package dev.argus.collector.config;

import dev.argus.contract.config.TargetConfig;
import java.util.Collection;

/**
 * Told the enabled uptime targets whenever they change on {@code argus.config}, and once when the
 * collector has read the topic at start-up. Called on the config reader's thread: implementations
 * hand the work on rather than probe in the callback.
 */
@FunctionalInterface
public interface TargetsListener {

  void targetsChanged(Collection<TargetConfig> targets);
}
