/**
 * Which detection types camera events: the CPU detector of the collectors, a Protect controller's
 * smart detections, or the AI description. Shared by {@code /api/v1/ai/capabilities} and {@code
 * /api/v1/system/health}.
 */
package dev.argus.api.system.detection;
