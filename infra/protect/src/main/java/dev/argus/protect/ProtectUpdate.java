package dev.argus.protect;

import java.util.Map;

/**
 * One message of the updates websocket: the action frame's fields and the data frame's JSON object.
 *
 * @param action {@code add}, {@code update} or {@code remove}
 * @param modelKey {@code camera}, {@code event}, {@code nvr}, …
 * @param id the id of the model object the update is about
 * @param data the data frame (for an update, only the fields that changed)
 */
public record ProtectUpdate(
    String action, String newUpdateId, String modelKey, String id, Map<String, Object> data) {}
