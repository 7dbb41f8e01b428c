/** {@code /api/v1/models}: the models of the provider accounts, discovered or added by hand. */
package dev.argus.api.llm.models;
