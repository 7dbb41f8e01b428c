package dev.argus.protect;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /api/v1/protect/controllers/test}: log in and read the bootstrap, within a limit.
 * Never throws: a failure is a result with the reason for people ({@code login refused: 401
 * Unauthorized (check the user name and password)}, {@code connection refused …}, {@code
 * certificate not trusted …}). The login and the bootstrap together get {@code within}; when it
 * runs out the client is closed, which aborts the exchange under way.
 */
public final class ProtectConnectionTest {

  private ProtectConnectionTest() {}

  public static ProtectTestResult run(ProtectEndpoint endpoint, Duration within) {
    Duration connect = within.compareTo(Duration.ofSeconds(5)) < 0 ? within : Duration.ofSeconds(5);
    ProtectTimeouts timeouts = new ProtectTimeouts(connect, within, within, within);
    CompletableFuture<Bootstrap> test = new CompletableFuture<>();
    try (ProtectClient client = new ProtectClient(endpoint, timeouts)) {
      Thread.ofVirtual()
          .name("protect-test")
          .start(
              () -> {
                try {
                  test.complete(client.bootstrap());
                } catch (ProtectException | RuntimeException e) {
                  test.completeExceptionally(e);
                }
              });
      Bootstrap bootstrap = test.get(within.toMillis(), TimeUnit.MILLISECONDS);
      int cameras = bootstrap.cameras().size();
      return new ProtectTestResult(
          true,
          "Connected to NVR '"
              + bootstrap.nvrName()
              + "' (version "
              + bootstrap.nvrVersion()
              + "): "
              + cameras
              + (cameras == 1 ? " camera" : " cameras"),
          bootstrap.nvrName(),
          bootstrap.nvrVersion(),
          cameras);
    } catch (ExecutionException e) {
      String reason =
          e.getCause() instanceof ProtectException failure
              ? failure.getMessage()
              : "the test failed: " + e.getCause();
      return failed(reason);
    } catch (TimeoutException e) {
      return failed("no answer within " + within.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed("interrupted");
    }
  }

  private static ProtectTestResult failed(String reason) {
    return new ProtectTestResult(false, reason, null, null, null);
  }
}
