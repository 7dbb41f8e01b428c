package dev.argus.collector.probe;

import static dev.argus.collector.probe.TargetFixture.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The dns probe against the system resolver (localhost) and a DNS server that does not answer. */
class DnsProbeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final DnsProbe probe = new DnsProbe("dns:");

  @Test
  void resolvesLocalhostThroughTheSystemResolver() throws Exception {
    var any = probe.check(target("dns", "localhost").build(), TIMEOUT);
    var expected =
        probe.check(
            target("dns", "localhost").dnsRecordType("A").dnsExpected("127.0.0.1").build(),
            TIMEOUT);

    assertThat(any.up()).as("error: %s", any.error()).isTrue();
    assertThat(any.responseTimeMillis()).isNotNull();
    assertThat(expected.up()).isTrue();
  }

  @Test
  void downWhenTheExpectedValueIsNotAnswered() throws Exception {
    var outcome = probe.check(target("dns", "localhost").dnsExpected("10.9.9.9").build(), TIMEOUT);

    assertThat(outcome.up()).isFalse();
    assertThat(outcome.error())
        .isEqualTo("A answer for localhost [127.0.0.1] does not contain '10.9.9.9'");
  }

  @Test
  void aDnsServerThatDoesNotAnswerIsADownResult() throws Exception {
    // Given a UDP port on loopback that receives queries but never answers
    try (var silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      var probeAskingIt = new DnsProbe("dns://127.0.0.1:" + silent.getLocalPort());

      var outcome =
          probeAskingIt.check(
              target("dns", "example.com").dnsRecordType("MX").build(), Duration.ofSeconds(1));

      assertThat(outcome.up()).isFalse();
      assertThat(outcome.error())
          .isEqualTo(
              "MX lookup of example.com failed: no answer from the DNS server within about 1000"
                  + " ms");
    }
  }

  @Test
  void refusesARecordTypeItDoesNotKnow() {
    assertThatThrownBy(
            () -> probe.check(target("dns", "example.com").dnsRecordType("SRV").build(), TIMEOUT))
        .hasMessage("dns record type 'SRV' is not one of A, AAAA, CNAME, MX, TXT, NS");
  }

  @Test
  void comparesAnswersAsTheirTypeWrites() {
    assertThat(DnsProbe.matches("10 mail.example.com.", "mail.example.com", "MX")).isTrue();
    assertThat(DnsProbe.matches("10 mail.example.com.", "10 Mail.Example.com", "MX")).isTrue();
    assertThat(DnsProbe.matches("\"v=spf1 -all\"", "v=spf1 -all", "TXT")).isTrue();
    assertThat(DnsProbe.matches("0:0:0:0:0:0:0:1", "::1", "AAAA")).isTrue();
    assertThat(DnsProbe.matches("ns1.example.com.", "ns2.example.com", "NS")).isFalse();
  }
}
