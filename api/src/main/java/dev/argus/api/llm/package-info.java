/**
 * LLM endpoint monitoring: provider accounts ({@code providers}), their models ({@code models}),
 * uptime probes and their history ({@code monitoring}), benchmarks and alert rules. The api keeps
 * the configuration in PostgreSQL and publishes it to {@code argus.config}; work for the collectors
 * goes to {@code argus.llm.jobs}, both through the outbox. Sub-packages of this feature may use
 * each other; what another feature needs moves to {@code dev.argus.api.system}.
 */
package dev.argus.api.llm;
