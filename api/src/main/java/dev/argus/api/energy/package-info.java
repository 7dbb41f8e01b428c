/**
 * {@code /api/energy}: energy totals and daily energy per device, priced in the configured
 * currency.
 */
package dev.argus.api.energy;
