package dev.argus.collector.probe;

import static dev.argus.collector.probe.TargetFixture.target;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The http probe follows redirects itself and judges every hop before connecting, against real JDK
 * HTTP servers on loopback. A refused hop cannot be observed at 169.254.169.254 here, so the proof
 * that nothing is requested uses 0.0.0.0: on Linux a connection to 0.0.0.0 reaches loopback, so the
 * "inner" server (on 127.0.0.1) would see the request if the guard were skipped.
 */
class HttpProbeRedirectsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private static HttpServer outer;
  private static HttpServer inner;
  private static final List<String> innerRequests = new CopyOnWriteArrayList<>();
  private static String outerBase;
  private static int innerPort;

  private final HttpProbe probe = new HttpProbe(defaultContext(), 1024, Clock.systemUTC());

  @BeforeAll
  static void startServers() throws IOException {
    inner = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    inner.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    inner.createContext(
        "/",
        exchange -> {
          innerRequests.add(exchange.getRequestURI().getPath());
          respond(exchange, 200, "inner secret");
        });
    inner.start();
    innerPort = inner.getAddress().getPort();

    outer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    outer.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/");
    redirect("/to-mapped-metadata", "http://[::ffff:169.254.169.254]/latest/meta-data/");
    redirect("/to-integer-metadata", "http://2852039166/latest/meta-data/");
    redirect("/to-unspecified", "http://0.0.0.0:" + innerPort + "/unspecified");
    redirect("/chain/1", "2");
    redirect("/chain/2", "/chain/3");
    redirect("/chain/3", "http://localhost:" + innerPort + "/chain-end");
    redirect("/loop", "/loop");
    outer.start();
    outerBase = "http://127.0.0.1:" + outer.getAddress().getPort();
  }

  @AfterAll
  static void stopServers() {
    outer.stop(0);
    inner.stop(0);
  }

  @BeforeEach
  void forgetRequests() {
    innerRequests.clear();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/to-metadata | redirect to http://169.254.169.254/latest/meta-data/: 169.254.169.254 is a"
            + " cloud metadata address",
        "/to-mapped-metadata | redirect to http://[::ffff:169.254.169.254]/latest/meta-data/:"
            + " [::ffff:169.254.169.254] means 169.254.169.254, a cloud metadata address",
        "/to-integer-metadata | redirect to http://2852039166/latest/meta-data/: 2852039166 means"
            + " 169.254.169.254, a cloud metadata address",
      })
  void aRedirectToCloudMetadataFailsTheCheckNamingIt(String path, String error) throws Exception {
    var outcome = probe.check(target("http", outerBase + path).build(), TIMEOUT);

    assertThat(outcome.up()).isFalse();
    assertThat(outcome.error()).startsWith(error + "; Argus does not connect to");
  }

  @Test
  void aRefusedHopIsJudgedBeforeAnyConnection() throws Exception {
    // Given: the premise of this test holds, a request to 0.0.0.0 reaches the inner server
    HttpResponse<Void> direct =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://0.0.0.0:" + innerPort + "/control"))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    assertThat(direct.statusCode()).isEqualTo(200);
    assertThat(innerRequests).containsExactly("/control");

    // When the probe is redirected there, or pointed there
    var redirected = probe.check(target("http", outerBase + "/to-unspecified").build(), TIMEOUT);
    var pointed =
        probe.check(target("http", "http://0.0.0.0:" + innerPort + "/direct").build(), TIMEOUT);

    // Then both fail on the guard, and the inner server saw neither
    assertThat(redirected.up()).isFalse();
    assertThat(redirected.error())
        .startsWith(
            "redirect to http://0.0.0.0:"
                + innerPort
                + "/unspecified: 0.0.0.0 is the unspecified address");
    assertThat(pointed.up()).isFalse();
    assertThat(pointed.error()).startsWith("address: 0.0.0.0 is the unspecified address");
    assertThat(innerRequests).containsExactly("/control");
  }

  @Test
  void aChainOfRedirectsToAnAllowedServerIsFollowedRelativeAndAbsolute() throws Exception {
    var outcome =
        probe.check(
            target("http", outerBase + "/chain/1").keyword("inner secret").build(), TIMEOUT);

    assertThat(outcome.up()).as(outcome.error()).isTrue();
    assertThat(outcome.statusCode()).isEqualTo(200);
    assertThat(innerRequests).containsExactly("/chain-end");
  }

  @Test
  void redirectsAreNotFollowedWhenTheTargetSaysSo() throws Exception {
    var outcome =
        probe.check(
            target("http", outerBase + "/to-unspecified").followRedirects(false).build(), TIMEOUT);

    assertThat(outcome.up()).isTrue();
    assertThat(outcome.statusCode()).isEqualTo(302);
    assertThat(innerRequests).isEmpty();
  }

  @Test
  void endlessRedirectsStopAfterTheLimit() throws Exception {
    var outcome = probe.check(target("http", outerBase + "/loop").build(), TIMEOUT);

    assertThat(outcome.up()).isFalse();
    assertThat(outcome.statusCode()).isEqualTo(302);
    assertThat(outcome.error())
        .isEqualTo("more than 5 redirects; the last one to " + outerBase + "/loop");
  }

  private static void redirect(String path, String location) {
    outer.createContext(
        path,
        exchange -> {
          exchange.getResponseHeaders().add("Location", location);
          respond(exchange, 302, "moved");
        });
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
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
