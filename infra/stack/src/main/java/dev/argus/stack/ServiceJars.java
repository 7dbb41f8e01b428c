package dev.argus.stack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The executable jars of the three services in a built checkout, each found by its module's name
 * ({@code <module>/target/argus-<module>-*-exec.jar}) so that the launcher starts each service from
 * its own jar and a missing one is named with how to build it.
 */
record ServiceJars(Path processor, Path api, Path collector) {

  static final List<String> SERVICES = List.of("processor", "api", "collector");

  /** The three jars; refused with one line per missing jar when the checkout is not built. */
  static ServiceJars find(Path home) {
    List<String> missing = missing(home);
    if (!missing.isEmpty()) {
      throw new StartChecks.Refused(missing);
    }
    return new ServiceJars(
        locate(home, "processor").orElseThrow(),
        locate(home, "api").orElseThrow(),
        locate(home, "collector").orElseThrow());
  }

  /** One line per service whose jar is not built, naming where it was looked for. */
  static List<String> missing(Path home) {
    List<String> problems = new ArrayList<>();
    for (String module : SERVICES) {
      if (locate(home, module).isEmpty()) {
        problems.add(
            "No executable jar of the "
                + module
                + " in "
                + target(home, module)
                + ": build first (./argus-start.sh does: mvn -DskipTests package)");
      }
    }
    return problems;
  }

  private static Optional<Path> locate(Path home, String module) {
    Path target = target(home, module);
    Path found = null;
    if (Files.isDirectory(target)) {
      try (DirectoryStream<Path> s =
          Files.newDirectoryStream(target, "argus-" + module + "-*-exec.jar")) {
        for (Path p : s) {
          found = p;
        }
      } catch (IOException unreadable) {
        // Reported as missing.
      }
    }
    return Optional.ofNullable(found);
  }

  private static Path target(Path home, String module) {
    return home.resolve(module).resolve("target");
  }
}
