/**
 * {@code GET /api/v1/system/storage}: what the database holds, per table and per camera's frames,
 * and what the event retention will free.
 */
package dev.argus.api.system.storage;
