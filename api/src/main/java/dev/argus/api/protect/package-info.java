/**
 * UniFi Protect controllers ({@code /api/v1/protect/controllers}): their configuration in {@code
 * protect_controllers}, published to {@code argus.config} through the outbox with the password
 * encrypted, the session status the processor's sink stores from {@code argus.protect.status}, the
 * connection test and the live camera list through {@code infra/protect}.
 */
package dev.argus.api.protect;
