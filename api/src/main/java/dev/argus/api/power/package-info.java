/**
 * The power API: snapshots, events, devices and their publication to the collectors, manual poll
 * triggers and diagnostics.
 */
package dev.argus.api.power;
