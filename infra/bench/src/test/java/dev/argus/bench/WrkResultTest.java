package dev.argus.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WrkResultTest {

  private static final String OUTPUT =
      """
      Running 10s test @ http://127.0.0.1:8000/api/events
        2 threads and 32 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency     8.12ms    3.01ms  61.20ms   88.10%
          Req/Sec     2.01k   210.33     2.40k    71.00%
        Latency Distribution
           50%  750.00us
           75%    9.10ms
           90%   11.02ms
           99%    1.20s
        40012 requests in 10.01s, 51.23MB read
        Socket errors: connect 0, read 2, write 0, timeout 3
        Non-2xx or 3xx responses: 7
      Requests/sec:   3997.20
      Transfer/sec:      5.12MB
      """;

  @Test
  void readsThroughputPercentilesInMillisecondsAndFailures() {
    // Given the output of wrk --latency, when it is parsed
    WrkResult result = WrkResult.parse(OUTPUT);

    // Then the units are converted and every kind of failure is counted
    assertThat(result.requestsPerSecond()).isEqualTo(3997.20);
    assertThat(result.p50Millis()).isEqualTo(0.75);
    assertThat(result.p99Millis()).isEqualTo(1200.0);
    assertThat(result.requests()).isEqualTo(40012);
    assertThat(result.failures()).isEqualTo(12);
  }

  @Test
  void outputWithoutLatencyDistributionIsRejectedWithTheOutputQuoted() {
    // Given wrk run without --latency
    String withoutDistribution = OUTPUT.replaceAll("(?s)Latency Distribution.*?99%[^\\n]*\\n", "");

    // When / Then
    assertThatThrownBy(() -> WrkResult.parse(withoutDistribution))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--latency")
        .hasMessageContaining("Requests/sec");
  }
}
