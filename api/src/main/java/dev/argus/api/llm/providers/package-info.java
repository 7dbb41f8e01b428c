/**
 * {@code /api/v1/providers}: LLM provider accounts, their encrypted credentials and their place on
 * {@code argus.config}.
 */
package dev.argus.api.llm.providers;
