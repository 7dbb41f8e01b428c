package dev.argus.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoverProcessesTest {

  @TempDir Path dataDir;
  private Process child;
  private Process stranger;

  @AfterEach
  void cleanUp() {
    for (Process p : new Process[] {child, stranger}) {
      if (p != null) {
        p.destroyForcibly();
      }
    }
  }

  @Test
  void endsRecordedChildrenThatStillNameTheDataDirectoryAndSparesOthers() throws Exception {
    // A "child" whose command line names the data directory, like the broker's and services' do.
    child = idleProcessNaming(dataDir.resolve("marker"));
    stranger = new ProcessBuilder("sleep", "300").start();
    var leftovers = new LeftoverProcesses(dataDir, Path.of("/nonexistent-home"));
    leftovers.record(Map.of("kafka", child.pid(), "api", stranger.pid()));

    int ended = leftovers.endLeftovers(dataDir.resolve("postgres"));

    assertThat(ended).isEqualTo(1);
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(stranger.isAlive())
        .as("a pid reused by an unrelated process is left alone")
        .isTrue();
    assertThat(Files.exists(dataDir.resolve("stack.pids"))).isFalse();
  }

  @Test
  void refusesToStartBesideALauncherThatIsStillRunning() throws Exception {
    child = idleProcessNaming(dataDir.resolve(LocalStack.class.getName()));
    var leftovers = new LeftoverProcesses(dataDir, Path.of("/nonexistent-home"));
    leftovers.record(Map.of(LeftoverProcesses.LAUNCHER, child.pid()));

    assertThatThrownBy(() -> leftovers.endLeftovers(dataDir.resolve("postgres")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already running")
        .hasMessageContaining(Long.toString(child.pid()));
    assertThat(child.isAlive()).isTrue();
  }

  /** A process that waits forever and has {@code file} in its command line. */
  private static Process idleProcessNaming(Path file) throws Exception {
    Files.createFile(file);
    return new ProcessBuilder("tail", "-f", "/dev/null", file.toString()).start();
  }

  @Test
  void nothingRecordedMeansNothingToEnd() throws Exception {
    assertThat(new LeftoverProcesses(dataDir, dataDir).endLeftovers(dataDir.resolve("postgres")))
        .isZero();
  }
}
