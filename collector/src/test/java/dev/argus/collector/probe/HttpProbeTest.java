package dev.argus.collector.probe;

import static dev.argus.collector.probe.TargetFixture.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.argus.collector.testing.SelfSignedCertificate;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The http/https probe against real JDK HTTP and HTTPS servers on loopback. */
class HttpProbeTest {

  private static final int MAX_BODY_BYTES = 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final CountDownLatch RELEASE_SLOW = new CountDownLatch(1);

  private static HttpServer server;
  private static String base;

  @TempDir static Path certificates;

  private final HttpProbe probe =
      new HttpProbe(defaultContext(), MAX_BODY_BYTES, Clock.systemUTC());

  @BeforeAll
  static void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    serveRoutes(server);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  static void stopServer() {
    RELEASE_SLOW.countDown();
    server.stop(0);
  }

  @Test
  void upWhenTheStatusIsInTheDefaultRangeAndTheKeywordIsThere() throws Exception {
    var outcome = probe.check(target("http", base + "/ok").keyword("nominal").build(), TIMEOUT);

    assertThat(outcome.up()).isTrue();
    assertThat(outcome.statusCode()).isEqualTo(200);
    assertThat(outcome.error()).isNull();
    assertThat(outcome.responseTimeMillis()).isPositive();
    assertThat(outcome.certExpiresAt()).isNull();
  }

  @Test
  void downWhenTheStatusIsNotExpected() throws Exception {
    var outcome = probe.check(target("http", base + "/unavailable").build(), TIMEOUT);

    assertThat(outcome.up()).isFalse();
    assertThat(outcome.statusCode()).isEqualTo(503);
    assertThat(outcome.error()).isEqualTo("HTTP status 503, expected 200-399");
  }

  @Test
  void theExpectedStatusCodesReplaceTheDefaultRange() throws Exception {
    var unavailableExpected =
        probe.check(
            target("http", base + "/unavailable").expectedStatusCodes(503).build(), TIMEOUT);
    var okNotExpected =
        probe.check(target("http", base + "/ok").expectedStatusCodes(201, 204).build(), TIMEOUT);

    assertThat(unavailableExpected.up()).isTrue();
    assertThat(okNotExpected.up()).isFalse();
    assertThat(okNotExpected.error()).isEqualTo("HTTP status 200, expected [201, 204]");
  }

  @Test
  void downWhenTheKeywordIsMissing() throws Exception {
    var outcome = probe.check(target("http", base + "/ok").keyword("meltdown").build(), TIMEOUT);

    assertThat(outcome.up()).isFalse();
    assertThat(outcome.statusCode()).isEqualTo(200);
    assertThat(outcome.error()).isEqualTo("keyword 'meltdown' not found in the response body");
  }

  @Test
  void readsOnlyTheFirstBytesOfAnEndlessBody() throws Exception {
    // The body never ends: only a bounded read lets the check finish before its timeout.
    var outcome = probe.check(target("http", base + "/endless").keyword("needle").build(), TIMEOUT);

    assertThat(outcome.up()).isFalse();
    assertThat(outcome.error())
        .isEqualTo("keyword 'needle' not found in the response body (first 1024 bytes read)");
  }

  @Test
  void followsRedirectsUnlessTold() throws Exception {
    var following = probe.check(target("http", base + "/old").keyword("nominal").build(), TIMEOUT);
    var notFollowing =
        probe.check(
            target("http", base + "/old").followRedirects(false).expectedStatusCodes(200).build(),
            TIMEOUT);

    assertThat(following.up()).isTrue();
    assertThat(following.statusCode()).isEqualTo(200);
    assertThat(notFollowing.up()).isFalse();
    assertThat(notFollowing.statusCode()).isEqualTo(302);
  }

  @Test
  void downWhenNoAnswerComesWithinTheTimeout() throws Exception {
    var outcome = probe.check(target("http", base + "/slow").build(), Duration.ofMillis(500));

    assertThat(outcome.up()).isFalse();
    assertThat(outcome.statusCode()).isNull();
    assertThat(outcome.error())
        .startsWith("no complete answer within 500 ms from http://127.0.0.1:");
  }

  @Test
  void anErrorNeverCarriesTheCredentialsOfTheUrl() throws Exception {
    var outcome =
        probe.check(
            target("http", base.replace("http://", "http://monitor:s3cret@") + "/slow").build(),
            Duration.ofMillis(300));

    assertThat(outcome.up()).isFalse();
    assertThat(outcome.error())
        .isEqualTo("no complete answer within 300 ms from " + base + "/slow")
        .doesNotContain("s3cret");
  }

  @Test
  void downWhenNothingListens() throws Exception {
    int port = closedPort();

    var outcome = probe.check(target("http", "http://127.0.0.1:" + port + "/").build(), TIMEOUT);

    assertThat(outcome.up()).isFalse();
    assertThat(outcome.error()).startsWith("cannot connect to 127.0.0.1:" + port);
  }

  @Test
  void aSelfSignedCertificateFailsVerificationButPassesWithVerifyTlsOff() throws Exception {
    var certificate =
        SelfSignedCertificate.generate(
            certificates, "localhost", "dns:localhost,ip:127.0.0.1", null, 90);
    HttpsServer https = startHttps(certificate);
    try {
      String url = "https://127.0.0.1:" + https.getAddress().getPort() + "/ok";

      var verified = probe.check(target("https", url).build(), TIMEOUT);
      var unverified = probe.check(target("https", url).verifyTls(false).build(), TIMEOUT);

      assertThat(verified.up()).isFalse();
      assertThat(verified.error())
          .startsWith("TLS handshake with 127.0.0.1:" + https.getAddress().getPort() + " failed: ")
          .endsWith(
              "(for a self-signed certificate or one for another host name, set verify_tls=false)");
      assertThat(unverified.up()).isTrue();
      assertThat(unverified.statusCode()).isEqualTo(200);
      assertThat(unverified.certExpiresAt()).isEqualTo(certificate.notAfter());
    } finally {
      https.stop(0);
    }
  }

  @Test
  void aTrustedCertificateForAnotherHostFailsUnlessVerifyTlsIsOff() throws Exception {
    // Given a client that trusts the certificate, which names another host
    var certificate =
        SelfSignedCertificate.generate(
            certificates, "other.example", "dns:other.example", null, 90);
    var trusting =
        new HttpProbe(certificate.clientContextTrustingIt(), MAX_BODY_BYTES, Clock.systemUTC());
    HttpsServer https = startHttps(certificate);
    try {
      String url = "https://127.0.0.1:" + https.getAddress().getPort() + "/ok";

      var verified = trusting.check(target("https", url).build(), TIMEOUT);
      var unverified = trusting.check(target("https", url).verifyTls(false).build(), TIMEOUT);

      assertThat(verified.up()).isFalse();
      assertThat(verified.error()).contains("127.0.0.1");
      assertThat(unverified.up()).isTrue();
    } finally {
      https.stop(0);
    }
  }

  @Test
  void aTrustedCertificateForTheRightHostPasses() throws Exception {
    var certificate =
        SelfSignedCertificate.generate(
            certificates, "localhost", "dns:localhost,ip:127.0.0.1", null, 90);
    var trusting =
        new HttpProbe(certificate.clientContextTrustingIt(), MAX_BODY_BYTES, Clock.systemUTC());
    HttpsServer https = startHttps(certificate);
    try {
      var outcome =
          trusting.check(
              target("https", "https://127.0.0.1:" + https.getAddress().getPort() + "/ok")
                  .certExpiryWarningDays(30)
                  .build(),
              TIMEOUT);

      assertThat(outcome.up()).isTrue();
      assertThat(outcome.certExpiresAt())
          .isCloseTo(certificate.notAfter(), within(1, ChronoUnit.SECONDS));
    } finally {
      https.stop(0);
    }
  }

  @Test
  void aCertificateExpiringWithinTheWarningPeriodFailsTheCheck() throws Exception {
    var certificate =
        SelfSignedCertificate.generate(
            certificates, "localhost", "dns:localhost,ip:127.0.0.1", null, 5);
    HttpsServer https = startHttps(certificate);
    try {
      String url = "https://127.0.0.1:" + https.getAddress().getPort() + "/ok";

      var warned =
          probe.check(
              target("https", url).verifyTls(false).certExpiryWarningDays(30).build(), TIMEOUT);
      var notYet =
          probe.check(
              target("https", url).verifyTls(false).certExpiryWarningDays(2).build(), TIMEOUT);

      assertThat(warned.up()).isFalse();
      assertThat(warned.statusCode()).isEqualTo(200);
      assertThat(warned.certExpiresAt()).isEqualTo(certificate.notAfter());
      assertThat(warned.error())
          .isEqualTo(
              "TLS certificate expires at "
                  + certificate.notAfter()
                  + " (in 4 days), within the warning period of 30 days");
      assertThat(notYet.up()).isTrue();
    } finally {
      https.stop(0);
    }
  }

  @Test
  void anExpiredCertificateFailsEvenWithVerifyTlsOff() throws Exception {
    var certificate =
        SelfSignedCertificate.generate(certificates, "localhost", "dns:localhost", "-30d", 10);
    HttpsServer https = startHttps(certificate);
    try {
      var outcome =
          probe.check(
              target("https", "https://127.0.0.1:" + https.getAddress().getPort() + "/ok")
                  .verifyTls(false)
                  .build(),
              TIMEOUT);

      assertThat(outcome.up()).isFalse();
      assertThat(outcome.error()).isEqualTo("TLS certificate expired at " + certificate.notAfter());
    } finally {
      https.stop(0);
    }
  }

  private static HttpsServer startHttps(SelfSignedCertificate certificate) throws IOException {
    HttpsServer https =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
    serveRoutes(https);
    https.start();
    return https;
  }

  private static void serveRoutes(HttpServer target) {
    target.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    target.createContext("/ok", exchange -> respond(exchange, 200, "all systems nominal"));
    target.createContext("/unavailable", exchange -> respond(exchange, 503, "maintenance"));
    target.createContext(
        "/old",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "/ok");
          respond(exchange, 302, "moved");
        });
    target.createContext(
        "/endless",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          byte[] chunk = new byte[8192];
          Arrays.fill(chunk, (byte) 'x');
          try (OutputStream body = exchange.getResponseBody()) {
            while (true) {
              body.write(chunk);
            }
          } catch (IOException clientWentAway) {
            // The probe stopped reading: that is the point.
          }
        });
    target.createContext(
        "/slow",
        exchange -> {
          try {
            RELEASE_SLOW.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          respond(exchange, 200, "late");
        });
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static int closedPort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static SSLContext defaultContext() {
    try {
      return SSLContext.getDefault();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
