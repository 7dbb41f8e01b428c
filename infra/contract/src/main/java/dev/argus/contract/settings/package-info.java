/**
 * Checks of setting values shared by every service, so that a bad value is refused in one wording.
 */
package dev.argus.contract.settings;
