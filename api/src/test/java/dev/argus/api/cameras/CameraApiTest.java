package dev.argus.api.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.RunningApiTest;
import dev.argus.camera.source.CameraTester;
import dev.argus.camera.source.ConnectionResult;
import dev.argus.camera.source.SourceSpec;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole api with a bootstrap admin key for the camera and event tests (one shared context),
 * starting from empty camera tables. Its {@link CameraTester} answers by the URL's path, as a
 * camera would ({@code /ok}, {@code /unauthorized}, {@code /missing}, {@code /throws}), until the
 * camera module's real tester and fixtures are here; it records the last spec it was given.
 */
@TestPropertySource(properties = "argus.security.api-key=" + CameraApiTest.BOOTSTRAP)
@Import(CameraApiTest.Tester.class)
public abstract class CameraApiTest extends RunningApiTest {

  public static final String BOOTSTRAP = "camera-bootstrap-admin-key-0123456789abcdef";

  /** The spec the test double was last asked to test. */
  protected static final AtomicReference<SourceSpec> TESTED = new AtomicReference<>();

  @BeforeEach
  void emptyCameraTables() {
    rows.execute(
        "TRUNCATE cameras, camera_status, camera_events, camera_event_frames,"
            + " camera_event_descriptions, config_outbox");
    TESTED.set(null);
  }

  protected Response admin(String method, String path, String json) {
    return api.send(method, path, json, "x-api-key", BOOTSTRAP);
  }

  /** Creates a camera with the bootstrap key; returns its id. */
  protected String created(String json) {
    Response created = admin("POST", "/api/v1/cameras", json);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  @TestConfiguration
  static class Tester {

    @Bean
    @Primary
    CameraTester pathAnsweringTester() {
      return (spec, within) -> {
        TESTED.set(spec);
        String url = spec.url();
        if (url.endsWith("/ok")) {
          return new ConnectionResult(true, "connected", "320x240", 5.0, "mjpeg", "/9j/AA==");
        }
        if (url.endsWith("/unauthorized")) {
          return ConnectionResult.failure("401 Unauthorized");
        }
        if (url.endsWith("/missing")) {
          return ConnectionResult.failure("404 Not Found");
        }
        throw new IllegalStateException("the tester broke");
      };
    }
  }
}
