/**
 * AI descriptions of camera events: the describer (a consumer of {@code argus.camera.events} in
 * group {@code argus-describer} that publishes {@code EventDescription}s to {@code
 * argus.camera.descriptions}), the fallback chain built from {@code camera_settings.ai_chain}, the
 * usage ledger over {@code ai_usage} with the cost caps, the prompt context, and the {@code
 * /api/v1/ai/**} and {@code POST /api/v1/events/{id}/reanalyse} endpoints.
 */
package dev.argus.api.ai;
