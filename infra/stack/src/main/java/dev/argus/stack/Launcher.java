package dev.argus.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;

/**
 * What {@code ./argus-start.sh} runs, from its command line to its exit status: 2 for a bad flag or
 * a setting the stack refuses, 1 when a part does not start or the supervisor gives up on a
 * service; Ctrl-C (or SIGTERM) stops every part in order before the JVM exits.
 */
final class Launcher {

  private Launcher() {}

  static void run(String[] args) {
    StackOptions options;
    try {
      options = StackCommandLine.parse(args, System.getenv());
    } catch (StackCommandLine.UsageException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Instant started = Instant.now();
    LocalStack stack = new LocalStack(options, System.out);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (stack.hasRunningParts()) {
                    System.out.println("\nStopping Argus...");
                    stack.close();
                    System.out.println("Stopped.");
                  }
                },
                "argus-stop"));
    try {
      stack.start();
    } catch (StartChecks.Refused e) {
      e.problems().forEach(problem -> System.err.println("Argus cannot start: " + problem));
      System.exit(2);
      return;
    } catch (Exception e) {
      System.err.println("\nArgus could not start: " + e.getMessage());
      System.err.println("Logs are in " + options.dataDir().resolve("logs"));
      System.exit(1);
      return;
    }
    System.out.print(stack.readyBanner().text(Duration.between(started, Instant.now())));
    try {
      System.out.println("! " + stack.gaveUp().get() + ". Stopping.");
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException cannotHappen) {
      throw new IllegalStateException(cannotHappen);
    }
  }
}
