package dev.argus.api.targets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The type-dependent address rules of a target. */
class TargetRulesTest {

  @ParameterizedTest
  @CsvSource({
    "http, http://example.com",
    "http, https://example.com:8443/health?x=1",
    "https, https://10.0.0.1/",
    "tcp, db.example.com:5432",
    "tcp, 192.168.1.10:22",
    "tcp, [::1]:22",
    "tcp, [2001:db8::1]:443",
    "ping, router",
    "ping, 192.168.1.1",
    "ping, fe80::1",
    "dns, example.com.",
  })
  void acceptsTheAddressFormOfEachType(String type, String address) {
    assertThat(TargetRules.addressProblem(type, address)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "http, example.com",
    "http, ftp://example.com",
    "http, /health",
    "http, http://",
    "https, http://example.com",
    "tcp, example.com",
    "tcp, example.com:",
    "tcp, :80",
    "tcp, example.com:0",
    "tcp, example.com:65536",
    "tcp, example.com:http",
    "tcp, [zz::1]:22",
    "ping, http://router",
    "ping, under_score.example",
    "dns, -bad.example.com",
    "dns, example.com:53",
  })
  void rejectsAnythingElseNamingTheExpectedForm(String type, String address) {
    assertThat(TargetRules.addressProblem(type, address))
        .hasValueSatisfying(problem -> assertThat(problem).contains(type).contains(address));
  }
}
