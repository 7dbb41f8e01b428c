package dev.argus.api.live;

import java.time.Instant;

/**
 * One message of {@code WS /ws}: {@code {"type": "event.created", "data": {...}, "at": "..."}}.
 *
 * @param type one of {@link LiveType}'s wire names
 * @param data what happened; its fields depend on the type
 * @param at when it happened (the event, the description, the status report, the alert)
 */
record LiveMessage(String type, Object data, Instant at) {}
