/**
 * Motion detection on decoded frames, in plain Java: frames reduced to small grey pictures ({@link
 * dev.argus.collector.camera.motion.GreyFrame}), compared with a running background ({@link
 * dev.argus.collector.camera.motion.MotionDetector}) inside the camera's detection zones ({@link
 * dev.argus.collector.camera.motion.ZoneMask}) and schedule ({@link
 * dev.argus.collector.camera.motion.DetectionWindow}). Pure: no Kafka, no I/O, time from an
 * injected {@code Clock}; the camera worker feeds it.
 */
package dev.argus.collector.camera.motion;
