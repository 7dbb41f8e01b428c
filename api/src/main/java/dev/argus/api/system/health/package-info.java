/**
 * {@code GET /api/v1/system/health}: the state of every part Argus runs on (database, broker,
 * collectors, camera workers, AI providers, processor), each read where it shows: the database and
 * broker by asking them, the others from what the processor stored of their reports.
 */
package dev.argus.api.system.health;
