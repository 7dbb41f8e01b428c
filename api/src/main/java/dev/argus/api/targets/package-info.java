/**
 * Uptime targets ({@code /api/v1/targets}): their settings, state, probe results and events, and
 * the alert seed's {@code /api/v1/alert-status}.
 */
package dev.argus.api.targets;
