package dev.argus.api.power;

/**
 * The body of {@code POST /api/trigger} (202) and {@code GET /api/trigger/status}.
 *
 * @param status {@code accepted} (POST); {@code idle}, {@code queued} or {@code running} (GET)
 */
public record TriggerStatus(String status, String message) {

  static final TriggerStatus ACCEPTED = new TriggerStatus("accepted", "Poll trigger queued.");
  static final TriggerStatus IDLE = new TriggerStatus("idle", "No poll in progress.");
  static final TriggerStatus QUEUED =
      new TriggerStatus("queued", "Poll trigger queued; waiting for a collector.");
  static final TriggerStatus RUNNING = new TriggerStatus("running", "Poll in progress.");
}
