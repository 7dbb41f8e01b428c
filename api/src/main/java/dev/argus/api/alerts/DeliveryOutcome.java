package dev.argus.api.alerts;

/** What became of one notification through one provider, as {@code alert_deliveries} stores it. */
enum DeliveryOutcome {
  SENT,
  /** Every attempt failed (or the provider refused it for good, e.g. HTTP 400). */
  FAILED,
  SKIPPED_COOLDOWN,
  SKIPPED_SEVERITY,
  /** A recovery while {@code send_recovery} is off. */
  SKIPPED_RECOVERY,
  /** The provider's circuit breaker is open after repeated failures: not even tried. */
  CIRCUIT_OPEN;

  String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
