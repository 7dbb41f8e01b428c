package dev.argus.collector.power;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.collector.power.device.SnmpDevice;
import dev.argus.collector.power.device.SnmpProperties;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SNMP poller's guard: a refused agent address is a failed poll, and no request is sent. */
class SnmpPowerPollerTest {

  private final SnmpPowerPoller poller =
      new SnmpPowerPoller(new SnmpReadingMapper(), "collector-1", 60, Clock.systemUTC());

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "169.254.169.254 | host: 169.254.169.254 is a cloud metadata address",
        "::ffff:169.254.169.254 | host: ::ffff:169.254.169.254 means 169.254.169.254, a cloud"
            + " metadata address",
        "0xa9fea9fe | host: 0xa9fea9fe means 169.254.169.254, a cloud metadata address",
        "0.0.0.0 | host: 0.0.0.0 is the unspecified address",
      })
  void aRefusedAgentAddressIsAFailedPollNamingIt(String host, String error) {
    // A long timeout: had a request been sent, the poll would fail with "no answer" after it.
    var snmp =
        new SnmpProperties(
            null, null, null, null, null, null, null, Duration.ofSeconds(30), 0, null, null);
    var device = SnmpDevice.of("pdu-1", null, host, null, "ups", true, snmp);

    var reading = poller.poll(device);

    assertThat(reading.error()).startsWith(error + "; Argus does not connect to");
  }
}
