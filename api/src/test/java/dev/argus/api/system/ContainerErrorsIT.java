package dev.argus.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.system.RawHttp.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the servlet container refuses before the api sees a request is JSON too, and clients that
 * send a request a byte at a time are cut off. Raw sockets, since java.net.http will not send such
 * requests.
 */
class ContainerErrorsIT extends BadInputApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long TRICKLE_MILLIS = 200;

  @Test
  void headersOver8KbAre400Json() throws IOException {
    Answer answer =
        send(
            "GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "a".repeat(9_000)
                + "\r\nConnection: close\r\n\r\n");

    assertContainerError(answer, 400);
  }

  @Test
  void twoHundredHeadersAre400Json() throws IOException {
    StringBuilder request = new StringBuilder("GET /api/health HTTP/1.1\r\nHost: localhost\r\n");
    for (int i = 0; i < 200; i++) {
      request.append("X-H").append(i).append(": v\r\n");
    }
    Answer answer = send(request.append("Connection: close\r\n\r\n").toString());

    assertContainerError(answer, 400);
  }

  @Test
  void aTenThousandCharacterUrlIsRefusedWithJson() throws IOException {
    Answer answer =
        send(
            "GET /api/events?device_id="
                + "a".repeat(10_000)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    assertContainerError(answer, 400);
  }

  @Test
  void anEncodedSlashInAPathIs400Json() throws IOException {
    Answer answer =
        send("GET /api/devices/a%2Fb HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    assertContainerError(answer, 400);
  }

  @Test
  void aNulInAPathIs400Json() throws IOException {
    Answer answer =
        send("GET /api/devices/ups%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    assertContainerError(answer, 400);
  }

  @Test
  void aQueryThatIsNotPercentEncodedIs422NamingTheParameter() throws IOException {
    Answer answer =
        send(
            "GET /api/events?device_id=%G1 HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "Connection: close\r\n\r\n");

    assertThat(answer.status()).as(answer.body()).isEqualTo(422);
    assertThat(answer.contentType()).startsWith("application/json");
    assertThat(JSON.readTree(answer.body()).path("detail").asString())
        .isEqualTo("device_id: is not valid percent-encoding (use %XX with two hex digits)");
  }

  @Test
  void anUnsupportedHttpVersionIsJson() throws IOException {
    Answer answer = send("GET /api/health HTTP/2.5\r\nHost: localhost\r\n\r\n");

    assertThat(answer.status()).isEqualTo(505);
    assertThat(answer.contentType()).startsWith("application/json");
    assertThat(JSON.readTree(answer.body()).path("detail").asString())
        .isEqualTo("HTTP Version not supported");
  }

  @Test
  void aClientTricklingItsHeadersIsDisconnected() throws IOException {
    // Given: a byte every 200 ms, far more often than the per-read timeout, so only the header
    // deadline can end it; the bound is generous (the deadline plus one read timeout, doubled).
    Duration bound = Duration.ofSeconds(2L * (HEADER_DEADLINE_SECONDS + READ_TIMEOUT_SECONDS));

    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.setSoTimeout((int) TRICKLE_MILLIS);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(RawHttp.ascii("GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: "));

      // When
      boolean closed = trickleUntilClosed(out, in, bound);

      // Then
      assertThat(closed).as("connection closed within " + bound).isTrue();
    }
  }

  @Test
  void aClientTricklingItsBodyGets408Json() throws IOException {
    Duration bound = Duration.ofSeconds(2L * (BODY_DEADLINE_SECONDS + READ_TIMEOUT_SECONDS));
    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.setSoTimeout((int) bound.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(
          RawHttp.ascii(
              "POST /api/v1/targets HTTP/1.1\r\nHost: localhost\r\nx-api-key: "
                  + KEY
                  + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"));
      out.flush();

      // When: the body arrives a byte at a time until the server answers
      long giveUp = System.nanoTime() + bound.toNanos();
      while (System.nanoTime() < giveUp
          && socket.getInputStream().available() == 0
          && RawHttp.tryWrite(out, RawHttp.ascii(" "))) {
        sleep(TRICKLE_MILLIS);
      }

      // Then
      Answer answer = RawHttp.read(socket.getInputStream());
      assertThat(answer.status()).as(answer.body()).isEqualTo(408);
      assertThat(answer.contentType()).startsWith("application/json");
      assertThat(JSON.readTree(answer.body()).path("detail").asString())
          .isEqualTo("Request body not received in time; send the whole body at once");
    }
    assertThat(rows.count("SELECT count(*) FROM targets")).isZero();
  }

  private static boolean trickleUntilClosed(OutputStream out, InputStream in, Duration bound)
      throws IOException {
    long giveUp = System.nanoTime() + bound.toNanos();
    while (System.nanoTime() < giveUp) {
      if (!RawHttp.tryWrite(out, RawHttp.ascii("a"))) {
        return true;
      }
      try {
        if (in.read() == -1) {
          return true;
        }
      } catch (SocketTimeoutException stillOpen) {
        // Nothing yet: keep trickling.
      } catch (IOException reset) {
        return true;
      }
    }
    return false;
  }

  private Answer send(String request) throws IOException {
    return RawHttp.exchange(port(), request);
  }

  private static void assertContainerError(Answer answer, int status) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/json");
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.propertyNames()).containsExactly("detail");
    assertThat(body.path("detail").asString())
        .isEqualTo(ContainerErrorReportValve.badRequest(8 * 1024, 100));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
