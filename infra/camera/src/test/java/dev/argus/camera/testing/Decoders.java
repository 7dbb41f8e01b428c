package dev.argus.camera.testing;

import java.util.List;

/**
 * The ffmpeg processes this JVM has started (at any depth) and that still run: a test asserts that
 * a closed source or a stopped camera worker leaves none behind.
 */
public final class Decoders {

  private Decoders() {}

  public static List<ProcessHandle> running() {
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.endsWith("ffmpeg")).orElse(false))
        .toList();
  }
}
