package dev.argus.collector.camera.motion;

import dev.argus.contract.camera.RelativeBox;

/**
 * Motion in one frame.
 *
 * @param score the fraction of watched pixels that changed (0..1)
 * @param box the bounding box of the changed watched pixels, relative to the picture
 */
public record Motion(double score, RelativeBox box) {}
