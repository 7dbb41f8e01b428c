package dev.argus.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 over a plain socket, so that the request target arrives byte for byte as written ({@code
 * ;x}, {@code //}, {@code /./}, {@code %61}): {@code java.net.http.HttpClient} and URI parsing may
 * normalise or refuse some of those spellings before they ever reach the api.
 */
public final class RawHttp {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  /**
   * Sends {@code method target} with an optional JSON body and an optional {@code x-api-key}.
   *
   * @param target the request target exactly as it goes on the wire
   */
  public Response send(String method, String target, String apiKey, String jsonBody) {
    byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
    var head = new StringBuilder();
    head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1:").append(port).append("\r\n");
    head.append("Connection: close\r\n");
    if (apiKey != null) {
      head.append("x-api-key: ").append(apiKey).append("\r\n");
    }
    if (jsonBody != null) {
      head.append("Content-Type: application/json\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return Response.parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot send " + method + " " + target, e);
    }
  }

  /** Status, headers (lower-case names) and the body, de-chunked. */
  public record Response(int status, Map<String, String> headers, String body) {

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public JsonNode json() {
      return JSON.readTree(body);
    }

    static Response parse(byte[] raw) throws IOException {
      int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      if (end < 0) {
        throw new IOException(
            "No complete HTTP answer: " + new String(raw, StandardCharsets.ISO_8859_1));
      }
      String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, String> headers = new TreeMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(
            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
      byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        body = dechunk(new java.io.ByteArrayInputStream(body));
      }
      return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(InputStream in) throws IOException {
      var out = new ByteArrayOutputStream();
      while (true) {
        var sizeLine = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
          if (c < 0) {
            return out.toByteArray();
          }
          if (c != '\r') {
            sizeLine.append((char) c);
          }
        }
        int size = Integer.parseInt(sizeLine.toString().split(";")[0].strip(), 16);
        if (size == 0) {
          return out.toByteArray();
        }
        out.write(in.readNBytes(size));
        in.readNBytes(2);
      }
    }

    private static int indexOf(byte[] data, byte[] pattern) {
      outer:
      for (int i = 0; i + pattern.length <= data.length; i++) {
        for (int j = 0; j < pattern.length; j++) {
          if (data[i + j] != pattern[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
