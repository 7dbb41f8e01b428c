package dev.argus.api.system;

import dev.argus.api.RunningApiTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole api with a bootstrap admin key and short deadlines for slow clients, so that the tests
 * proving those deadlines run in seconds; the input and container-error tests share this one
 * application context.
 */
@TestPropertySource(
    properties = {
      "argus.security.api-key=" + BadInputApiTest.KEY,
      "argus.security.rate-limit-per-minute=100000",
      "argus.api.http.header-deadline=" + BadInputApiTest.HEADER_DEADLINE_SECONDS + "s",
      "argus.api.http.body-deadline=" + BadInputApiTest.BODY_DEADLINE_SECONDS + "s",
      "argus.api.http.body-read-timeout=" + BadInputApiTest.READ_TIMEOUT_SECONDS + "s",
      "server.tomcat.connection-timeout=" + BadInputApiTest.READ_TIMEOUT_SECONDS + "s"
    })
abstract class BadInputApiTest extends RunningApiTest {

  static final String KEY = "badinput-bootstrap-admin-key-0123456789abcdef";
  static final int HEADER_DEADLINE_SECONDS = 1;
  static final int BODY_DEADLINE_SECONDS = 1;

  /** Per-read timeouts: longer than the trickle interval, so only the deadlines can end it. */
  static final int READ_TIMEOUT_SECONDS = 4;
}
