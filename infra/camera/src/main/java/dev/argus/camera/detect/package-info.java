/**
 * Objects in frames (people, cars, animals… as COCO labels) from the CPU detector sidecar: the
 * CenterNet COCO model of {@code @vladmandic/human}, run by Node ({@code infra/detector}) as a
 * child process that speaks JSON lines, never a native library in the JVM. What a label means for
 * an event is the caller's business (the collector maps labels to detection types).
 */
package dev.argus.camera.detect;
