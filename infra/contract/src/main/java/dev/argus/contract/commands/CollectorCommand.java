package dev.argus.contract.commands;

import java.time.Instant;

/**
 * A command to the collectors on {@code argus.commands} (key: command id). Every collector reads
 * every command (each in a consumer group of its own), and reports what it did through its
 * heartbeat ({@code last_trigger_id}, {@code poll_in_progress}).
 *
 * @param type {@link #POLL_NOW}: poll all devices now, outside the schedule
 */
public record CollectorCommand(String commandId, String type, Instant requestedAt) {

  public static final String POLL_NOW = "poll_now";

  public CollectorCommand {
    if (commandId == null || commandId.isBlank()) {
      throw new IllegalArgumentException("command_id is required");
    }
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("type is required");
    }
    if (requestedAt == null) {
      throw new IllegalArgumentException("requested_at is required");
    }
  }
}
