package dev.argus.protect;

import java.time.Instant;

/**
 * Something a controller's camera saw, read from the updates.
 *
 * @param cameraId the controller's id of the camera
 * @param eventId the controller's id of the event, when it has one
 * @param type {@code motion}, {@code person}, {@code vehicle}, {@code animal}, {@code package} or
 *     {@code ring}
 * @param score the controller's confidence 0..1 when it gives one
 * @param start when it began
 * @param end when it ended; null while it lasts
 */
public record ProtectDetection(
    String cameraId, String eventId, String type, Double score, Instant start, Instant end) {}
