/**
 * The database schema (the Flyway migrations under {@code db/migration}) and the PostgreSQL roles
 * each service logs in with.
 */
package dev.argus.contract.schema;
