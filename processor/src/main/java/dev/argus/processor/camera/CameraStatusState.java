package dev.argus.processor.camera;

import java.time.Instant;

/**
 * What the status rules remember about one camera, kept in the topology's {@value
 * CameraTopology#STATUS_STATE_STORE} store (JSON, key: camera id).
 *
 * @param state the newest state applied ({@code online}, {@code offline}, {@code error}, {@code
 *     stopped})
 * @param at the time of that status; older statuses are ignored
 * @param offlineSince when {@code camera_offline} was raised, null while none is open: the next
 *     {@code online} raises {@code camera_online} and clears it
 */
public record CameraStatusState(String state, Instant at, Instant offlineSince) {}
