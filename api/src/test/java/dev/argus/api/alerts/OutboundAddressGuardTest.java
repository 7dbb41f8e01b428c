package dev.argus.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundAddressGuardTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "169.254.169.254", "169.254.1.1", "fe80::1", "fd00:ec2::254", "100.100.100.200",
        "0.0.0.0", "0.1.2.3", "::", "224.0.0.251", "ff02::1", "255.255.255.255",
        "::ffff:169.254.169.254"
      })
  void forbidsMetadataLinkLocalUnspecifiedAndMulticast(String address) throws Exception {
    assertThat(OutboundAddressGuard.forbidden(InetAddress.getByName(address))).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "::1", "10.0.0.5", "192.168.1.20", "172.16.0.1", "8.8.8.8"})
  void allowsLoopbackPrivateAndPublicAddresses(String address) throws Exception {
    assertThat(OutboundAddressGuard.forbidden(InetAddress.getByName(address))).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://metadata.google.internal/x", "http://METADATA.GOOGLE.INTERNAL./x",
        "file:///etc/passwd", "gopher://127.0.0.1/", "http:///nohost", "not a url"
      })
  void rejectsUrlsThatAreNotPlainHttpToAnAllowedHost(String url) {
    assertThatThrownBy(() -> OutboundAddressGuard.checkUrl("url", url))
        .isInstanceOf(UnsafeDestinationException.class)
        .hasMessageStartingWith("url");
  }
}
