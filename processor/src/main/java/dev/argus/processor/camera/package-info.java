/**
 * Cameras: a pure Streams builder from {@code argus.readings.camera} to {@code argus.camera.events}
 * and from {@code argus.camera.status} to {@code argus.events}.
 */
package dev.argus.processor.camera;
