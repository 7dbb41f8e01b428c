package dev.argus.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Over real child JVMs, killed with SIGKILL as a crash would end them. */
class SupervisorTest {

  /** The child: a JVM that runs until it is killed. */
  public static final class Idle {
    public static void main(String[] args) throws InterruptedException {
      System.out.println("idle child started");
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  @TempDir Path dir;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final AtomicInteger restarts = new AtomicInteger();
  private final CompletableFuture<String> gaveUp = new CompletableFuture<>();
  private ChildProcess child;
  private Supervisor supervisor;

  @AfterEach
  void stop() throws Exception {
    if (supervisor != null) {
      supervisor.close();
    }
    if (child != null) {
      child.close();
    }
  }

  @Test
  void aKilledServiceComesBackWithTheSameCommandUntilThePolicyGivesUp() throws Exception {
    // Given a supervised child and a policy of two restarts within a minute
    child =
        ChildProcess.startJava(
            "worker",
            List.of("-Xmx32m"),
            List.of("-cp", testClasses(), Idle.class.getName()),
            Map.of("WORKER_SETTING", "kept"),
            dir.resolve("worker.log"));
    supervisor =
        new Supervisor(
            List.of(child),
            new RestartPolicy(
                2, Duration.ofMinutes(1), Duration.ofMillis(200), Duration.ofSeconds(1)),
            Clock.systemUTC(),
            new PrintStream(printed, true, StandardCharsets.UTF_8),
            restarts::incrementAndGet,
            gaveUp::complete);
    supervisor.start();

    // When it is killed, twice
    for (int restart = 1; restart <= 2; restart++) {
      awaitRuns(restart);
      long pid = kill(child);
      int expected = restart;
      await().atMost(Duration.ofSeconds(30)).until(() -> restarts.get() == expected);
      assertThat(child.pid()).isNotEqualTo(pid);
      assertThat(child.isAlive()).isTrue();
      assertThat(ProcessHandle.of(child.pid()).orElseThrow().info().commandLine().orElse(""))
          .contains(Idle.class.getName());
      Path environ = Path.of("/proc", Long.toString(child.pid()), "environ");
      if (Files.isReadable(environ)) {
        assertThat(Files.readString(environ).split("\0")).contains("WORKER_SETTING=kept");
      }
    }

    // Then each restart had its line, the log holds every run, and a third crash gives up
    assertThat(printed.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "! The worker service exited with status 137; restarting it in 200 ms (restart 1)",
            "! The worker service exited with status 137; restarting it in 400 ms (restart 2)");
    awaitRuns(3);
    kill(child);
    assertThat(gaveUp.get(30, java.util.concurrent.TimeUnit.SECONDS))
        .isEqualTo(
            "The worker service exited with status 137, 3 times within 1 min; giving up"
                + " (ARGUS_RESTART_LIMIT allows 2 restarts within ARGUS_RESTART_WINDOW). See "
                + dir.resolve("worker.log"));
    assertThat(child.isAlive()).isFalse();
  }

  @Test
  void aServiceStoppedAfterTheSupervisorIsClosedStaysStopped() throws Exception {
    child =
        ChildProcess.startJava(
            "worker",
            List.of("-Xmx32m"),
            List.of("-cp", testClasses(), Idle.class.getName()),
            Map.of(),
            dir.resolve("worker.log"));
    supervisor =
        new Supervisor(
            List.of(child),
            RestartPolicy.DEFAULT,
            Clock.systemUTC(),
            new PrintStream(printed, true, StandardCharsets.UTF_8),
            restarts::incrementAndGet,
            gaveUp::complete);
    supervisor.start();

    supervisor.close();
    child.close();

    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> !child.isAlive() && restarts.get() == 0);
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  /** Until {@code n} runs of the child have written to the one log. */
  private void awaitRuns(int n) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                Files.readString(dir.resolve("worker.log")).split("idle child started", -1).length
                        - 1
                    == n);
  }

  private static String testClasses() throws Exception {
    return Path.of(Idle.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
  }

  private static long kill(ChildProcess child) {
    long pid = child.pid();
    ProcessHandle.of(pid).orElseThrow().destroyForcibly();
    return pid;
  }
}
