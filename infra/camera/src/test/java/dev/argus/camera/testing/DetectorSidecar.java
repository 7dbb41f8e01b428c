package dev.argus.camera.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.argus.camera.detect.DetectorStatus;
import dev.argus.camera.detect.NodeDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real detector sidecar of {@code infra/detector} for tests. Installs it with {@code
 * infra/bin/install-detector.sh} when it is not installed yet; skips the test (JUnit {@code
 * Assumptions}) only when Node itself is absent, and fails it when Node is there but the install
 * does not work: where Node is, the detector must run.
 */
public final class DetectorSidecar {

  private static final long INSTALL_MINUTES = 5;

  private DetectorSidecar() {}

  /** The installed sidecar's directory. */
  public static synchronized Path directory() {
    Optional<Path> node = NodeDetector.findNode();
    if (node.isEmpty()) {
      abort("the object detector needs Node.js >= 18 on the PATH (node not found)");
    }
    Path dir = NodeDetector.defaultDirectory().toAbsolutePath();
    if (NodeDetector.installation(node, dir).usable()) {
      return dir;
    }
    install(dir);
    DetectorStatus status = NodeDetector.installation(node, dir);
    if (!status.usable()) {
      fail("infra/bin/install-detector.sh did not install the detector in " + dir + ": " + status);
    }
    return dir;
  }

  /** A detector on the installed sidecar with the production timeouts. */
  public static NodeDetector start() {
    return new NodeDetector(
        NodeDetector.findNode(), directory(), Duration.ofSeconds(120), Duration.ofSeconds(30));
  }

  private static ProcessBuilder withDirectory(ProcessBuilder builder, Path dir) {
    builder.environment().put(NodeDetector.DIRECTORY_VARIABLE, dir.toString());
    return builder;
  }

  private static void install(Path dir) {
    Path script = dir.resolveSibling("bin").resolve("install-detector.sh");
    if (!Files.isExecutable(script)) {
      fail("the detector is not installed in " + dir + " and " + script + " is missing");
    }
    try {
      // Not inheritIO: the forked test JVM's stdout is the build tool's channel.
      Path output = Files.createTempFile("install-detector", ".log");
      Process process =
          withDirectory(new ProcessBuilder(script.toString()), dir)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        fail(script + " took longer than " + INSTALL_MINUTES + " minutes");
      }
      System.err.println(Files.readString(output));
      Files.deleteIfExists(output);
    } catch (IOException e) {
      fail("could not run " + script + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted while installing the detector");
    }
  }
}
