package dev.argus.collector.nut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.argus.collector.testing.FakeNutServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client against real TCP servers on loopback that behave well, badly, or not at all. */
class NutClientTest {

  private static final NutClientSettings FAST =
      NutClientSettings.withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500));
  // Guards against a client that sticks; far above every timeout used here.
  private static final Duration NEVER_STICKS = Duration.ofSeconds(20);

  @Test
  void readsUpsListAndVariablesAndLogsOut() throws Exception {
    // Given
    try (var server =
        FakeNutServer.scripted(
            Map.of(
                "LIST UPS", "BEGIN LIST UPS\nUPS sim \"Test UPS\"\nEND LIST UPS\n",
                "LIST VAR sim",
                    "BEGIN LIST VAR sim\n"
                        + "VAR sim ups.status \"OL\"\n"
                        + "VAR sim battery.charge \"97\"\n"
                        + "END LIST VAR sim\n",
                "LOGOUT", "OK Goodbye\n"))) {

      // When
      List<UpsInfo> upses;
      Map<String, String> variables;
      try (var client = NutClient.connect(server.host(), server.port(), FAST)) {
        upses = client.listUps();
        variables = client.listVariables("sim");
        client.logout();
      }

      // Then
      assertThat(upses).containsExactly(new UpsInfo("sim", "Test UPS"));
      assertThat(variables).containsEntry("ups.status", "OL").containsEntry("battery.charge", "97");
      assertThat(server.requests()).containsExactly("LIST UPS", "LIST VAR sim", "LOGOUT");
    }
  }

  @Test
  void sendsCredentialsQuotedWhenTheyContainSpacesOrQuotes() throws Exception {
    try (var server =
        FakeNutServer.scripted(
            Map.of("USERNAME monitor", "OK\n", "PASSWORD \"my \\\"secret\\\" pass\"", "OK\n"))) {
      try (var client = NutClient.connect(server.host(), server.port(), FAST)) {
        client.authenticate("monitor", "my \"secret\" pass");
      }

      assertThat(server.requests())
          .containsExactly("USERNAME monitor", "PASSWORD \"my \\\"secret\\\" pass\"");
    }
  }

  @Test
  void reportsRefusedCredentialsWithTheirErrorCodeButNotThePassword() throws Exception {
    try (var server =
            FakeNutServer.scripted(
                Map.of(
                    "USERNAME monitor", "OK\n", "PASSWORD wrong-secret", "ERR ACCESS-DENIED\n"));
        var client = NutClient.connect(server.host(), server.port(), FAST)) {

      assertThatThrownBy(() -> client.authenticate("monitor", "wrong-secret"))
          .isInstanceOfSatisfying(
              NutServerError.class, e -> assertThat(e.code()).isEqualTo("ACCESS-DENIED"))
          .message()
          .doesNotContain("wrong-secret");
    }
  }

  @Test
  void refusesCommandWordsWithLineBreaks() {
    assertThatThrownBy(() -> NutClient.commandLine("LIST", "VAR", "sim\nLOGOUT"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void failsClearlyOnAServerThatAnswersGarbage() throws Exception {
    // Given a server on the port that speaks HTTP, not NUT
    try (var server =
            FakeNutServer.start(
                (requests, out) -> {
                  requests.readLine();
                  out.write(
                      "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                          .getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                });
        var client = NutClient.connect(server.host(), server.port(), FAST)) {

      // When / Then
      assertThatThrownBy(() -> client.listVariables("sim"))
          .isInstanceOf(NutProtocolException.class)
          .hasMessageContaining("expected 'BEGIN LIST VAR sim', got 'HTTP/1.1 400 Bad Request'");
    }
  }

  @Test
  void failsOnAServerThatSendsAnEndlessLine() throws Exception {
    // Given a server that streams bytes and never a newline
    try (var server =
            FakeNutServer.start(
                (requests, out) -> {
                  requests.readLine();
                  byte[] chunk = "x".repeat(1024).getBytes(StandardCharsets.US_ASCII);
                  while (true) {
                    out.write(chunk);
                  }
                });
        var client = NutClient.connect(server.host(), server.port(), FAST)) {

      assertTimeoutPreemptively(
          NEVER_STICKS,
          () ->
              assertThatThrownBy(() -> client.listVariables("sim"))
                  .isInstanceOf(NutProtocolException.class)
                  .hasMessageContaining("longer than 4096 bytes"));
    }
  }

  @Test
  void failsOnAServerThatClosesTheConnectionInTheMiddleOfAList() throws Exception {
    try (var server =
            FakeNutServer.start(
                (requests, out) -> {
                  requests.readLine();
                  out.write(
                      "BEGIN LIST VAR sim\nVAR sim battery.charge \"100\"\nVAR sim ups.st"
                          .getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                  // Returning closes the connection.
                });
        var client = NutClient.connect(server.host(), server.port(), FAST)) {

      assertThatThrownBy(() -> client.listVariables("sim"))
          .isInstanceOf(NutProtocolException.class)
          .hasMessage("connection closed before 'END LIST VAR sim' in the answer to LIST VAR sim");
    }
  }

  @Test
  void timesOutOnAServerThatAcceptsAndNeverAnswers() throws Exception {
    try (var server = FakeNutServer.hanging();
        var client = NutClient.connect(server.host(), server.port(), FAST)) {

      assertTimeoutPreemptively(
          NEVER_STICKS,
          () ->
              assertThatThrownBy(() -> client.listVariables("sim"))
                  .isInstanceOf(NutException.class)
                  .hasCauseInstanceOf(SocketTimeoutException.class)
                  .hasMessage(
                      "read timed out after 500 ms waiting for "
                          + server.host()
                          + ":"
                          + server.port()
                          + " to answer LIST VAR sim"));
    }
  }

  @Test
  void timesOutOnAServerThatTricklesItsAnswerSlowerThanTheReadTimeoutAllowsInTotal()
      throws Exception {
    // Given a server whose every single byte arrives well within the read timeout, but the whole
    // answer never does: a per-read timeout alone would wait for ever.
    try (var server =
            FakeNutServer.start(
                (requests, out) -> {
                  requests.readLine();
                  String endless = "BEGIN LIST VAR sim\n" + "VAR sim x \"1\"\n".repeat(100_000);
                  for (byte b : endless.getBytes(StandardCharsets.US_ASCII)) {
                    out.write(b);
                    out.flush();
                    sleep(20);
                  }
                });
        var client = NutClient.connect(server.host(), server.port(), FAST)) {

      assertTimeoutPreemptively(
          NEVER_STICKS,
          () ->
              assertThatThrownBy(() -> client.listVariables("sim"))
                  .isInstanceOf(NutException.class)
                  .hasMessageStartingWith("read timed out after 500 ms"));
    }
  }

  @Test
  void reportsAClosedPortAsConnectionRefused() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    assertThatThrownBy(() -> NutClient.connect("127.0.0.1", closedPort, FAST))
        .isInstanceOf(NutException.class)
        .hasMessage(
            "connection refused by 127.0.0.1:"
                + closedPort
                + " (is upsd running and listening there?)");
  }

  @Test
  void timesOutConnectingToAServerWhoseBacklogIsFull() throws Exception {
    // Given a listening socket that never accepts and whose accept queue is full: the kernel drops
    // further connection attempts, as a firewall or an unreachable host would.
    List<Socket> queued = new ArrayList<>();
    try (var server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      fillBacklog(server, queued);

      // When / Then
      assertTimeoutPreemptively(
          NEVER_STICKS,
          () ->
              assertThatThrownBy(() -> NutClient.connect("127.0.0.1", server.getLocalPort(), FAST))
                  .isInstanceOf(NutException.class)
                  .hasMessage(
                      "connect timed out after 500 ms to 127.0.0.1:" + server.getLocalPort()));
    } finally {
      for (Socket socket : queued) {
        socket.close();
      }
    }
  }

  @Test
  void reportsAnUnknownHost() {
    assertThatThrownBy(() -> NutClient.connect("no-such-host.invalid", 3493, FAST))
        .isInstanceOf(NutException.class)
        .hasMessageContaining("unknown host 'no-such-host.invalid'");
  }

  @Test
  void closingFromAnotherThreadAbortsAWaitingRequest() throws Exception {
    var slow = NutClientSettings.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(30));
    try (var server = FakeNutServer.hanging();
        var client = NutClient.connect(server.host(), server.port(), slow)) {
      Thread.ofVirtual()
          .start(
              () -> {
                sleep(200);
                client.close();
              });

      assertTimeoutPreemptively(
          NEVER_STICKS,
          () ->
              assertThatThrownBy(() -> client.listVariables("sim"))
                  .isInstanceOf(NutException.class)
                  .hasMessageContaining("failed during LIST VAR sim"));
    }
  }

  private static void fillBacklog(ServerSocket server, List<Socket> queued) throws IOException {
    for (int i = 0; i < 20; i++) {
      var socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), 200);
        queued.add(socket);
      } catch (SocketTimeoutException full) {
        socket.close();
        return;
      }
    }
    throw new IllegalStateException("the accept queue did not fill up");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
