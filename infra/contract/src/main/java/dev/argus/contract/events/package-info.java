/**
 * The events the processor derives on {@code argus.events}, their types (power and uptime target)
 * and the severity each type maps to.
 */
package dev.argus.contract.events;
