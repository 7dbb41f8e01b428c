package dev.argus.api.system;

/** Published once the start-up schema migration has succeeded: the tables are there. */
public record SchemaMigrated() {}
