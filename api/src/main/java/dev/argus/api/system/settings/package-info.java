/**
 * {@code GET/PUT /api/v1/system/settings}: the one row of {@code camera_settings} (retention, cost
 * caps, motion and analysis defaults, the AI fallback chain), which the camera, event and AI
 * features and the processor's retention read.
 */
package dev.argus.api.system.settings;
