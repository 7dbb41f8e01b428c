package dev.argus.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The address rules themselves are {@code dev.argus.contract.net.OutboundAddressGuardTest}'s. */
class ProviderDestinationsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://metadata.google.internal/x",
        "http://METADATA.GOOGLE.INTERNAL./x",
        "http://169.254.169.254/latest",
        "http://[::ffff:169.254.169.254]/",
        "http://2852039166/",
        "http://0.0.0.0:9000/",
        "file:///etc/passwd",
        "gopher://127.0.0.1/",
        "http:///nohost",
        "not a url",
        "http://user:pw@127.0.0.1/",
        "http://no-such-host.invalid/"
      })
  void rejectsUrlsThatAreNotPlainHttpToAnAllowedHost(String url) {
    assertThatThrownBy(() -> ProviderDestinations.checkUrl("url", url))
        .isInstanceOf(InvalidAlertSettingsException.class)
        .hasMessageStartingWith("url");
  }

  @Test
  void allowsALoopbackOrLanProvider() {
    assertThat(ProviderDestinations.checkUrl("url", "http://127.0.0.1:8080/hook").getPort())
        .isEqualTo(8080);
  }

  @Test
  void anSmtpHostMustResolve() {
    assertThatThrownBy(() -> ProviderDestinations.checkHost("smtp_host", "no-such-host.invalid"))
        .isInstanceOf(InvalidAlertSettingsException.class)
        .hasMessage("smtp_host: host 'no-such-host.invalid' does not resolve");
  }
}
