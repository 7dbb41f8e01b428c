/**
 * LLM alert rules ({@code /api/v1/alerts/rules}, owned by the api and published to {@code
 * argus.config} for the processor, which evaluates them on the probe readings) and the alerts the
 * processor raised ({@code /api/v1/alerts}, read from {@code llm_alerts}; the api only acknowledges
 * them). Delivery through webhook, ntfy, Gotify and email is the {@code alerts} feature's, from
 * {@code argus.events}.
 */
package dev.argus.api.llm.alerts;
