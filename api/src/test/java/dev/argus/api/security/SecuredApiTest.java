package dev.argus.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.RawHttp;
import dev.argus.api.RunningApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole api with a bootstrap admin key, for the tests that try to get past the access rules
 * (they share one application context). The windows are wide: these tests send thousands of
 * requests with wrong keys from one address and must see the rules' answer, not the 429 of the
 * failed-authentication limit, which {@link ApiKeysIT} covers.
 */
@TestPropertySource(
    properties = {
      "argus.security.api-key=" + SecuredApiTest.BOOTSTRAP,
      "argus.security.rate-limit-per-minute=1000000",
      "argus.security.failed-auth-limit-per-minute=1000000",
      "argus.security.alert-status-rate-limit-per-minute=1000000"
    })
abstract class SecuredApiTest extends RunningApiTest {

  static final String BOOTSTRAP = "access-bootstrap-admin-key-0123456789abcdef";
  static final String WRONG_KEY = "argus_not-a-key-0123456789abcdef0123456789";

  protected RawHttp raw;

  @BeforeEach
  void emptyTargetTablesAndRawClient() {
    rows.execute(
        "TRUNCATE targets, target_status, probe_results, target_events, config_outbox"
            + " RESTART IDENTITY");
    raw = new RawHttp(port());
  }

  Response admin(String method, String path, String json) {
    return api.send(method, path, json, "x-api-key", BOOTSTRAP);
  }

  /** Creates a resource through the api with the bootstrap key and returns its answer. */
  Response created(String path, String json) {
    Response created = admin("POST", path, json);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created;
  }
}
