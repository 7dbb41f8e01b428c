package dev.argus.processor.camera;

import dev.argus.contract.camera.CameraEvent;

/** What one motion reading did: the camera's new state and the event it raised. */
public record MotionOutcome(MotionState state, CameraEvent event) {}
