package dev.argus.camera.source;

import java.util.List;

/** The ffmpeg processes this JVM has started and that still run. */
final class Decoders {

  private Decoders() {}

  static List<ProcessHandle> running() {
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.endsWith("ffmpeg")).orElse(false))
        .toList();
  }
}
