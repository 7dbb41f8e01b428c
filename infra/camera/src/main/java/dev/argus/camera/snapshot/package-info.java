/** Snapshot cameras: a JPEG (or PNG) fetched with {@code java.net.http} and decoded by ImageIO. */
package dev.argus.camera.snapshot;
