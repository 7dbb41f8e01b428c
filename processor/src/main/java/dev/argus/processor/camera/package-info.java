/**
 * Cameras: a pure Streams builder from {@code argus.readings.camera} (with the camera alert rules
 * of {@code argus.config}) to {@code argus.camera.events} and the {@code camera_detection} alerts
 * on {@code argus.events}, and from {@code argus.camera.status} to {@code argus.events}.
 */
package dev.argus.processor.camera;
