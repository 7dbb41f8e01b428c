/**
 * Alerts: the provider and rule settings behind {@code /api/alerts}, the consumer of {@code
 * argus.events} that sends notifications, and their delivery log.
 */
package dev.argus.api.alerts;
