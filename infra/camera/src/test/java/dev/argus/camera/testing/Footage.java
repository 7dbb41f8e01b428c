package dev.argus.camera.testing;

import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Real footage of people: {@code vtest.mp4}, OpenCV's car-park clip (768x576 pedestrians, 10 fps,
 * 80 s) transcoded to 384x288 H.264 by {@code infra/bin/fetch-footage.sh} into {@code
 * ${XDG_CACHE_HOME:-~/.cache}/argus/footage} (or {@code ARGUS_FOOTAGE_DIR}). Never committed.
 */
public final class Footage {

  static final String MISSING =
      "footage vtest.mp4 is not cached; run infra/bin/fetch-footage.sh (downloads Debian's"
          + " opencv-doc, ~96 MB)";

  private Footage() {}

  /** The cached file, or the calling test is skipped with how to fetch it. */
  public static Path path() {
    return find().orElseGet(() -> abort(MISSING));
  }

  /** The cached file when present. */
  public static Optional<Path> find() {
    Path file = directory().resolve("vtest.mp4");
    return Files.isRegularFile(file) && file.toFile().length() > 0
        ? Optional.of(file)
        : Optional.empty();
  }

  private static Path directory() {
    String explicit = System.getenv("ARGUS_FOOTAGE_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String cache = System.getenv("XDG_CACHE_HOME");
    Path base =
        cache != null && !cache.isBlank()
            ? Path.of(cache)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("argus").resolve("footage");
  }
}
