package dev.argus.api.targets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which host of each target type is judged, and how URL credentials are masked and kept. */
class TargetAddressesTest {

  @ParameterizedTest
  @CsvSource({
    "http, http://[::ffff:169.254.169.254]/latest",
    "https, https://user:pw@2852039166:8443/",
    "tcp, 0.0.0.0:22",
    "ping, fe80::1",
  })
  void judgesTheHostEachTypeConnectsTo(String type, String address) {
    assertThat(TargetAddresses.destinationProblem(type, address))
        .hasValueSatisfying(problem -> assertThat(problem).startsWith("address: "));
  }

  @ParameterizedTest
  @CsvSource({
    "http, http://127.0.0.1:8080/",
    "tcp, 192.168.1.10:22",
    "ping, 10.0.0.1",
    "dns, 169.254.169.254",
    "dns, metadata.google.internal",
  })
  void leavesAllowedHostsAndDnsQuestionsAlone(String type, String address) {
    assertThat(TargetAddresses.destinationProblem(type, address)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "http://user:pw@host:8080/x?y=1#z, http://user:********@host:8080/x?y=1#z",
    "https://token@host/, https://********@host/",
    "https://user:p%40ss@[::1]/, https://user:********@[::1]/",
    "http://host/no-credentials, http://host/no-credentials",
    "db.example.com:5432, db.example.com:5432",
    "router, router",
  })
  void masksThePasswordOnly(String address, String shown) {
    assertThat(TargetAddresses.masked(address)).isEqualTo(shown);
  }

  @Test
  void aMaskedUrlSentBackGetsTheStoredCredentialsForTheSameUserHostAndPort() {
    String stored = "http://user:p%40ss@host:8080/old";

    assertThat(TargetAddresses.restored("http://user:********@host:8080/new", stored))
        .contains("http://user:p%40ss@host:8080/new");
    assertThat(TargetAddresses.restored("http://user:new@host:8080/", stored))
        .contains("http://user:new@host:8080/");
    assertThat(TargetAddresses.restored("http://user:********@other:8080/", stored)).isEmpty();
    assertThat(TargetAddresses.restored("http://user:********@host:9090/", stored)).isEmpty();
    assertThat(TargetAddresses.restored("http://admin:********@host:8080/", stored)).isEmpty();
    assertThat(TargetAddresses.restored("http://user:********@host:8080/", "http://host:8080/"))
        .isEmpty();
  }
}
