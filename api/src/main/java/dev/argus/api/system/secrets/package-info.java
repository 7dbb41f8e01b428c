/**
 * The api's keys: the cipher of stored secrets from {@code ARGUS_SECRET_KEY}, the interface of a
 * table that holds them, and the rule for {@code API_KEY}.
 */
package dev.argus.api.system.secrets;
