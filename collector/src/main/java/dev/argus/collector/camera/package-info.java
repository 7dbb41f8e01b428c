/**
 * Camera workers: one per camera of {@code argus.config} that this collector runs ({@link
 * dev.argus.collector.camera.CameraWorkers} reconciles them with the configuration), each reading
 * its source through {@code dev.argus.camera.source}, detecting motion ({@code camera.motion}) and
 * handing status and motion readings to {@link dev.argus.collector.camera.CameraReadings}. No Kafka
 * client here: the publishers ({@code kafka}) are connected by the wiring, so the workers are
 * tested with an in-test frame source and no broker.
 */
package dev.argus.collector.camera;
