package dev.argus.contract.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PosixIpv4Test {

  @ParameterizedTest
  @CsvSource({
    "2852039166, 169.254.169.254",
    "0xa9fea9fe, 169.254.169.254",
    "0251.0376.0251.0376, 169.254.169.254",
    "169.254.43518, 169.254.169.254",
    "169.16689662, 169.254.169.254",
    "127.1, 127.0.0.1",
    "017700000001, 127.0.0.1",
    "0, 0.0.0.0",
    "4294967295, 255.255.255.255",
    "10.0.0.1, 10.0.0.1",
  })
  void readsEveryFormInetAtonReads(String host, String address) throws Exception {
    assertThat(PosixIpv4.parse(host)).isEqualTo(InetAddress.getByName(address).getAddress());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "example.com",
        "4294967296",
        "1.2.3.4.5",
        "256.1.1.1",
        "1.2.3.256",
        "08.1.1.1",
        "0x",
        "1..2",
        "",
        "1.2.3.",
        "0xfffffffff",
        "::1",
        "1.2.65536"
      })
  void anythingElseIsNotANumericAddress(String host) {
    assertThat(PosixIpv4.parse(host)).isNull();
  }
}
