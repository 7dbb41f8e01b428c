package dev.argus.collector.probe;

import static dev.argus.collector.probe.TargetFixture.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ping probe running the system's real {@code ping}. */
class PingProbeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  @Test
  void pingsLoopback() throws Exception {
    var outcome = new PingProbe("ping").check(target("ping", "127.0.0.1").build(), TIMEOUT);

    assumeFalse(
        !outcome.up() && outcome.error().startsWith("ping is not"),
        () -> "ping cannot run here: " + outcome.error());
    assertThat(outcome.up()).as("error: %s", outcome.error()).isTrue();
    assertThat(outcome.responseTimeMillis()).isPositive().isLessThan(2000.0);
  }

  @Test
  void aMissingPingCommandIsADownResultSayingSo() throws Exception {
    var outcome =
        new PingProbe("/nonexistent/ping").check(target("ping", "127.0.0.1").build(), TIMEOUT);

    assertThat(outcome.up()).isFalse();
    assertThat(outcome.error())
        .startsWith("ping is not available: cannot run '/nonexistent/ping' (")
        .endsWith("); install iputils-ping or use a tcp target");
  }

  @Test
  void anAddressIsNeverPassedAsAnOption() {
    assertThatThrownBy(() -> new PingProbe("ping").check(target("ping", "-f").build(), TIMEOUT))
        .hasMessage("ping address '-f' is not a host name or IP address");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "169.254.169.254 | address: 169.254.169.254 is a cloud metadata address",
        "2852039166 | address: 2852039166 means 169.254.169.254, a cloud metadata address",
        "0xa9fea9fe | address: 0xa9fea9fe means 169.254.169.254, a cloud metadata address",
        "0251.0376.0251.0376 | address: 0251.0376.0251.0376 means 169.254.169.254, a cloud metadata"
            + " address",
        "0.0.0.0 | address: 0.0.0.0 is the unspecified address",
      })
  void aRefusedAddressIsDownWithoutRunningPing(String host, String error) throws Exception {
    // A ping command that does not exist would say so if it were run.
    var outcome = new PingProbe("/nonexistent/ping").check(target("ping", host).build(), TIMEOUT);

    assertThat(outcome.up()).isFalse();
    assertThat(outcome.error()).startsWith(error + "; Argus does not connect to");
  }

  @Test
  void pingIsGivenTheAddressThatWasJudged(@TempDir Path bin) throws Exception {
    // Given a ping that records its arguments and answers like iputils
    Path arguments = bin.resolve("arguments");
    Path ping = bin.resolve("ping");
    Files.writeString(
        ping,
        "#!/bin/sh\necho \"$@\" > '"
            + arguments
            + "'\n"
            + "echo '64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.042 ms'\n");
    assumeTrue(ping.toFile().setExecutable(true), "cannot make a script executable here");

    // When the host is 127.0.0.1 written as one number, which ping would read by itself
    var outcome =
        new PingProbe(ping.toString()).check(target("ping", "2130706433").build(), TIMEOUT);

    // Then ping got the dotted address the guard judged
    assertThat(outcome.up()).as(outcome.error()).isTrue();
    assertThat(Files.readString(arguments).strip()).endsWith(" 127.0.0.1");
  }

  @Test
  void readsWhatPingPrints() {
    var up =
        PingProbe.outcome(
            "h", 0, "64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.042 ms\n", 3.0);
    var noReply =
        PingProbe.outcome("h", 1, "1 packets transmitted, 0 received, 100% packet loss\n", 1000.0);
    var notPermitted = PingProbe.outcome("h", 2, "ping: socket: Operation not permitted\n", 1.0);
    var unknownHost =
        PingProbe.outcome("nosuch", 2, "ping: nosuch: Name or service not known\n", 1.0);

    assertThat(up.up()).isTrue();
    assertThat(up.responseTimeMillis()).isEqualTo(0.042);
    assertThat(noReply.error()).isEqualTo("no echo reply from h");
    assertThat(notPermitted.error())
        .startsWith(
            "ping is not permitted for the collector's user (ping: socket: Operation not"
                + " permitted)");
    assertThat(unknownHost.error())
        .isEqualTo("ping nosuch failed (exit code 2): ping: nosuch: Name or service not known");
  }
}
