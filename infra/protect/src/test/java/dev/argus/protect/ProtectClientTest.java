package dev.argus.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.protect.ProtectException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the client refuses before it connects anywhere. */
class ProtectClientTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "169.254.169.254",
        "metadata.google.internal",
        "0.0.0.0",
        "[::ffff:169.254.169.254]"
      })
  void aHostTheGuardRefusesIsNeverConnectedTo(String host) {
    ProtectEndpoint endpoint = new ProtectEndpoint(host, 443, "user", "s3cret-pass", false);
    try (ProtectClient client = new ProtectClient(endpoint, ProtectTimeouts.defaults())) {
      assertThatThrownBy(client::bootstrap)
          .isInstanceOfSatisfying(
              ProtectException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE))
          .hasMessageStartingWith("host: ")
          .hasMessageContaining("Argus does not connect to")
          .message()
          .doesNotContain("s3cret-pass");
    }
  }

  @Test
  void theEndpointNeverShowsThePassword() {
    ProtectEndpoint endpoint = new ProtectEndpoint("nvr.lan", 443, "viewer", "s3cret-pass", true);

    assertThat(endpoint.toString())
        .isEqualTo("ProtectEndpoint[viewer@nvr.lan:443, verifySsl=true]")
        .doesNotContain("s3cret-pass");
  }
}
