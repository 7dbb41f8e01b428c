package dev.argus.api.cameras;

import dev.argus.camera.source.CameraTester;
import dev.argus.camera.source.SourceSpec;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs {@code POST /api/v1/cameras/test}: the body checked as a create, then one connection through
 * the {@link CameraTester} of {@code infra/camera}, bounded by {@link #WITHIN}. Whatever the camera
 * or the tester does (refuses, times out, throws) is an answer with {@code success: false}, never
 * an HTTP error.
 */
@Component
class CameraConnectionTests implements DisposableBean {

  /** The whole test's limit, as the issue asks. */
  static final Duration WITHIN = Duration.ofSeconds(10);

  /** How much longer than {@link #WITHIN} the api waits for a tester that overruns it. */
  private static final Duration GRACE = Duration.ofSeconds(2);

  private static final Logger log = LoggerFactory.getLogger(CameraConnectionTests.class);

  private final CameraService cameras;
  private final CameraTester tester;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  CameraConnectionTests(CameraService cameras, CameraTester tester) {
    this.cameras = cameras;
    this.tester = tester;
  }

  CameraTestResult test(tools.jackson.databind.JsonNode body) {
    CameraService.Draft draft = cameras.draft(body);
    CameraSettings settings = draft.settings();
    if (settings.protectControllerId() != null) {
      return CameraTestResult.failure(
          "a protect camera is reached through its controller: test it with POST"
              + " /api/v1/protect/controllers/test {\"controller_id\": \""
              + settings.protectControllerId()
              + "\"}");
    }
    SourceSpec spec =
        new SourceSpec(
            settings.type(),
            settings.source(),
            settings.type().equals("rtsp") ? settings.transport() : null,
            settings.username(),
            draft.password(),
            Duration.ofSeconds(settings.snapshotIntervalSeconds()));
    Future<CameraTestResult> running =
        threads.submit(() -> CameraTestResult.of(tester.test(spec, WITHIN)));
    try {
      return running.get(WITHIN.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      running.cancel(true);
      return CameraTestResult.failure(
          "timeout: the camera gave no frame within " + WITHIN.toSeconds() + " s");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UnsupportedOperationException) {
        return CameraTestResult.failure("camera connection tests are not available in this build");
      }
      log.warn("The camera test of {} failed unexpectedly", spec, cause);
      return CameraTestResult.failure("the test failed: " + cause.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.cancel(true);
      return CameraTestResult.failure("the test was interrupted");
    }
  }

  @Override
  public void destroy() {
    threads.shutdownNow();
  }
}
