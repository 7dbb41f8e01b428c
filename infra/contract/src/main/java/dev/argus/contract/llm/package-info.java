/**
 * The wire records of LLM endpoint monitoring: provider, model, monitoring and alert-rule
 * configuration on {@code argus.config}, work for the collectors on {@code argus.llm.jobs}, probe
 * and benchmark measurements, and what the processor derives from them.
 */
package dev.argus.contract.llm;
