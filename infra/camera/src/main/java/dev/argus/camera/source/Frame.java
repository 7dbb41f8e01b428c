package dev.argus.camera.source;

import java.awt.image.BufferedImage;
import java.time.Instant;

/** One decoded picture, at most the source's maximum width, stamped when it arrived. */
public record Frame(Instant capturedAt, BufferedImage image) {}
