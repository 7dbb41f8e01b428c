/**
 * Cameras ({@code /api/v1/cameras}): their configuration in {@code cameras}, published to {@code
 * argus.config} through the outbox with the password encrypted, start and stop, the latest status
 * the processor's sink stores, and the connection test through {@code infra/camera}'s {@link
 * dev.argus.camera.source.CameraTester}.
 */
package dev.argus.api.cameras;
