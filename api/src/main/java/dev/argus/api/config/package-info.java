/**
 * {@code GET} and {@code PUT /api/config}: how a request changes the runtime settings, and the view
 * that never shows the NUT password.
 */
package dev.argus.api.config;
