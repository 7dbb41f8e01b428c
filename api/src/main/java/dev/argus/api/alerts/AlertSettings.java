package dev.argus.api.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code GET/PUT /api/alerts}, and what {@code alert_config} stores (with secrets).
 *
 * @param providers where notifications go
 * @param cooldownMinutes the least time between two notifications of one event type about one
 *     subject through one provider; 0 sends every event
 * @param sendRecovery whether recoveries ({@code power_restored}, {@code device_online}, {@code
 *     recovered}) are sent; they ignore the cooldown
 */
record AlertSettings(
    List<AlertProvider> providers,
    @JsonProperty("cooldown_minutes") Integer cooldownMinutes,
    @JsonProperty("send_recovery") Boolean sendRecovery) {

  static final int DEFAULT_COOLDOWN_MINUTES = 15;

  /** What applies before anything was configured: no providers. */
  static AlertSettings defaults() {
    return new AlertSettings(List.of(), DEFAULT_COOLDOWN_MINUTES, true);
  }

  List<AlertProvider> enabledProviders() {
    return providers.stream().filter(p -> Boolean.TRUE.equals(p.enabled())).toList();
  }
}
