package dev.argus.api.ai;

/**
 * The line of context a description prompt gets, and which sources contributed to it.
 *
 * @param line e.g. {@code Camera: Front door. Time: 14:05 UTC (afternoon). Recent similar events: 3
 *     on this camera in the last hour, the latest described as "a person at the door".}
 * @param recentEvents this camera's events of the hour before the event
 */
record PromptContext(
    String line,
    boolean cameraName,
    boolean timeOfDay,
    boolean recentSimilar,
    long recentEvents,
    long buildNanos) {}
