package dev.argus.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Over real logs: each file under {@code startup-logs/} is the whole output of a service's
 * executable jar started with the setting its name says (see the README there).
 */
class StartupFailureTest {

  @Test
  void aBootstrapKeyTooShortIsTheApisOwnSentence() throws IOException {
    assertThat(StartupFailure.in(sample("api-short-key.log")))
        .contains(
            new StartupFailure(
                "API_KEY must be at least 32 characters long (it has 9); generate one with: openssl"
                    + " rand -hex 32",
                true));
  }

  @Test
  void aSecretKeyThatIsNotBase64IsNamedWithItsSetting() throws IOException {
    assertThat(StartupFailure.in(sample("api-bad-secret.log")))
        .contains(
            new StartupFailure(
                "argus.secrets.keys (ARGUS_SECRET_KEY) entry 1 of 1 is not base64; entries are"
                    + " [keyId:]base64key, make one with: openssl rand -base64 32",
                true));
  }

  @Test
  void theCollectorsAndProcessorsSettingsRecordsSpeakForThemselves() throws IOException {
    assertThat(StartupFailure.in(sample("collector-bad-interval.log")))
        .contains(
            new StartupFailure(
                "argus.collector.poll-interval (ARGUS_POLL_INTERVAL) must be at least 1s, was"
                    + " PT0.1S",
                true));
    assertThat(StartupFailure.in(sample("processor-bad-load-limit.log")))
        .contains(
            new StartupFailure("LOAD_LIMIT_PCT must be above 0 and at most 200, was 250.0", true));
  }

  @Test
  void aValueSpringCannotConvertNamesTheProperty() throws IOException {
    StartupFailure failure =
        StartupFailure.in(sample("api-rate-limit-not-a-number.log")).orElseThrow();

    assertThat(failure.refusedSetting()).isTrue();
    assertThat(failure.reason())
        .startsWith("argus.security.rate-limit-per-minute = \"${RATE_LIMIT_PER_MINUTE:60}\": ")
        .contains("failed to convert java.lang.String to int", "For input string: \"abc\"");
  }

  @Test
  void aFailureThatIsNoSettingKeepsItsDescriptionAndAction() throws IOException {
    assertThat(StartupFailure.in(sample("api-port-in-use.log")))
        .contains(
            new StartupFailure(
                "Web server failed to start. Port 18012 was already in use. Identify and stop the"
                    + " process that's listening on port 18012 or configure this application to"
                    + " listen on another port.",
                false));
  }

  @Test
  void aStackTraceGivesTheOutermostMessageThrownByArgusCode() throws IOException {
    // The chain is BeanCreationException > BeanInstantiationException > the collector's
    // IllegalStateException > the contract's IllegalStateException (": null") > TimeoutException.
    assertThat(StartupFailure.in(sample("collector-kafka-unreachable.log")))
        .contains(
            new StartupFailure(
                "Could not create the Kafka topics at localhost:9092: check"
                    + " argus.kafka.bootstrap-servers (ARGUS_KAFKA_BOOTSTRAP_SERVERS) and that the"
                    + " broker is up",
                false));
  }

  @Test
  void withoutArgusFramesTheDeepestMessageIsTaken() {
    String log =
        """
        2026-12-03T10:00:00.000Z ERROR 1 --- [argus-processor] [main] o.s.boot.SpringApplication : Application run failed

        org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'x'
        \tat org.springframework.beans.Foo.bar(Foo.java:1)
        Caused by: org.postgresql.util.PSQLException: Connection to 127.0.0.1:1 refused.
          Check that the hostname and port are correct.
        \tat org.postgresql.Driver.connect(Driver.java:1)
        Caused by: java.util.concurrent.TimeoutException
        \tat java.base/java.util.concurrent.CompletableFuture.timedGet(CompletableFuture.java:1)
        """;

    assertThat(StartupFailure.in(log))
        .contains(
            new StartupFailure(
                "Connection to 127.0.0.1:1 refused. Check that the hostname and port are correct.",
                false));
  }

  @Test
  void theLineAServicesMainPrintsIsTakenAsItIs() {
    String log =
        "argus-collector cannot start: argus.secrets.keys (ARGUS_SECRET_KEY) entry 1 of 1 is a"
            + " 128-bit key; a 256-bit key (32 bytes) is required, make one with: openssl rand"
            + " -base64 32\n";

    assertThat(StartupFailure.in(log))
        .contains(
            new StartupFailure(
                "argus.secrets.keys (ARGUS_SECRET_KEY) entry 1 of 1 is a 128-bit key; a 256-bit key"
                    + " (32 bytes) is required, make one with: openssl rand -base64 32",
                true));
  }

  @Test
  void aServiceKilledWhileRunningWellHasNoReason() throws IOException {
    assertThat(StartupFailure.in(sample("processor-killed.log"))).isEqualTo(Optional.empty());
    assertThat(StartupFailure.in("")).isEmpty();
  }

  private static String sample(String name) throws IOException {
    try (InputStream in = StartupFailureTest.class.getResourceAsStream("/startup-logs/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
