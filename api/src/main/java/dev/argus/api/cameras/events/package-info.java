/**
 * Camera events ({@code /api/v1/events}): pages with filters and text search, one event with its
 * frames and description history, deletion, statistics and the CSV export, all over the tables the
 * processor's sink writes ({@code camera_events}, {@code camera_event_frames}, {@code
 * camera_event_descriptions}). Re-analysis is the AI feature's.
 */
package dev.argus.api.cameras.events;
