package dev.argus.contract.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundAddressGuardTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "169.254.169.254",
        "169.254.1.1",
        "fe80::1",
        "fd00:ec2::254",
        "100.100.100.200",
        "0.0.0.0",
        "0.1.2.3",
        "::",
        "224.0.0.251",
        "ff02::1",
        "255.255.255.255",
        "::ffff:169.254.169.254",
        "::a9fe:a9fe",
        "64:ff9b::a9fe:a9fe",
        "::ffff:0.0.0.0"
      })
  void forbidsMetadataLinkLocalUnspecifiedAndMulticast(String address) throws Exception {
    assertThat(OutboundAddressGuard.forbidden(InetAddress.getByName(address))).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.8.9.10",
        "::1",
        "10.0.0.5",
        "192.168.1.20",
        "172.16.0.1",
        "8.8.8.8",
        "100.64.0.1",
        "fd12:3456::1",
        "::ffff:192.168.1.20",
        "64:ff9b::808:808"
      })
  void allowsLoopbackPrivateAndPublicAddresses(String address) throws Exception {
    assertThat(OutboundAddressGuard.forbidden(InetAddress.getByName(address))).isNull();
  }

  /** Every spelling of the metadata address that some resolver (Java's, glibc's, ping's) reads. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "169.254.169.254 | 169.254.169.254 is a cloud metadata address",
        "[::ffff:169.254.169.254] | [::ffff:169.254.169.254] means 169.254.169.254, a cloud"
            + " metadata address",
        "::ffff:169.254.169.254 | ::ffff:169.254.169.254 means 169.254.169.254, a cloud metadata"
            + " address",
        "[::ffff:a9fe:a9fe] | [::ffff:a9fe:a9fe] means 169.254.169.254, a cloud metadata address",
        "[::a9fe:a9fe] | [::a9fe:a9fe] means 169.254.169.254, a cloud metadata address",
        "2852039166 | 2852039166 means 169.254.169.254, a cloud metadata address",
        "0xa9fea9fe | 0xa9fea9fe means 169.254.169.254, a cloud metadata address",
        "0XA9FEA9FE | 0XA9FEA9FE means 169.254.169.254, a cloud metadata address",
        "0251.0376.0251.0376 | 0251.0376.0251.0376 means 169.254.169.254, a cloud metadata address",
        "169.254.43518 | 169.254.43518 means 169.254.169.254, a cloud metadata address",
        "0xa9.0xfe.0xa9.0xfe | 0xa9.0xfe.0xa9.0xfe means 169.254.169.254, a cloud metadata address",
        "169.254.169.254. | 169.254.169.254. is a cloud metadata address",
        "[fd00:ec2::254] | [fd00:ec2::254] means fd00:ec2:0:0:0:0:0:254, a cloud metadata address",
        "100.100.100.200 | 100.100.100.200 is a cloud metadata address",
        "metadata.google.internal | metadata.google.internal is a cloud metadata service",
        "METADATA.GOOGLE.INTERNAL. | METADATA.GOOGLE.INTERNAL. is a cloud metadata service",
        "0.0.0.0 | 0.0.0.0 is the unspecified address",
        "0 | 0 means 0.0.0.0, the unspecified address",
        "[::] | [::] means 0:0:0:0:0:0:0:0, the unspecified address",
        "169.254.10.20 | 169.254.10.20 is a link-local address",
        "[fe80::1] | [fe80::1] means fe80:0:0:0:0:0:0:1, a link-local address",
        "224.0.0.1 | 224.0.0.1 is a multicast address",
        "255.255.255.255 | 255.255.255.255 is the broadcast address",
      })
  void refusesEveryFormOfARefusedAddressNamingTheFieldAndTheAddressReached(
      String host, String expected) {
    assertThatThrownBy(() -> OutboundAddressGuard.resolve("address", host))
        .isInstanceOf(UnsafeDestinationException.class)
        .hasMessageStartingWith("address: " + expected + "; Argus does not connect to");
    assertThatThrownBy(() -> OutboundAddressGuard.check("address", host))
        .isInstanceOf(UnsafeDestinationException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "localhost",
        "[::1]",
        "::1",
        "2130706433",
        "0x7f.1",
        "10.1.2.3",
        "192.168.1.20"
      })
  void allowsLoopbackAndLanInAnySpelling(String host) {
    assertThatCode(() -> OutboundAddressGuard.check("host", host)).doesNotThrowAnyException();
  }

  @Test
  void resolvesToTheAddressesItJudged() throws Exception {
    assertThat(OutboundAddressGuard.resolve("host", "2130706433"))
        .containsExactly(InetAddress.getByName("127.0.0.1"));
  }

  @Test
  void aNameThatDoesNotResolveIsLeftForConnectTimeButNotResolved() {
    assertThatCode(() -> OutboundAddressGuard.check("host", "no-such-host.invalid"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> OutboundAddressGuard.resolve("host", "no-such-host.invalid"))
        .isInstanceOf(UnknownHostException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void aMissingHostIsRefused(String host) {
    assertThatThrownBy(() -> OutboundAddressGuard.check("host", host))
        .isInstanceOf(UnsafeDestinationException.class)
        .hasMessage("host must name a host");
  }
}
