package dev.argus.collector.nut;

import dev.argus.contract.net.OutboundAddressGuard;
import dev.argus.contract.net.UnsafeDestinationException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One TCP conversation with a NUT server (upsd, port 3493 by default): optional {@code
 * USERNAME}/{@code PASSWORD}, then {@code LIST UPS} and {@code LIST VAR}, then {@code LOGOUT}.
 *
 * <p>Every step is bounded by {@link NutClientSettings}: the connect timeout, a deadline for each
 * whole answer, a longest line and a longest list. Failures are {@link NutException}s whose message
 * names the server and the request. Not thread-safe, except {@link #close()}, which may be called
 * from another thread to abort a conversation.
 */
public final class NutClient implements AutoCloseable {

  private final Socket socket;
  private final String server;
  private final long readTimeoutMillis;
  private final DeadlineInputStream input;
  private final NutLineSource lines;
  private final OutputStream output;
  private final NutResponseParser parser;

  private NutClient(Socket socket, String server, NutClientSettings settings) throws IOException {
    this.socket = socket;
    this.server = server;
    this.readTimeoutMillis = settings.readTimeout().toMillis();
    this.input = new DeadlineInputStream(socket, socket.getInputStream());
    this.lines = new BoundedLineReader(new BufferedInputStream(input), settings.maxLineBytes());
    this.output = socket.getOutputStream();
    this.parser = new NutResponseParser(settings.maxListLines());
  }

  /**
   * Opens a connection, failing after the connect timeout with a message naming the server. The
   * host is judged by the {@link OutboundAddressGuard} first (a refused one is never connected to),
   * and the connection goes to the address judged.
   */
  public static NutClient connect(String host, int port, NutClientSettings settings)
      throws NutException {
    String server = host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    long timeoutMillis = settings.connectTimeout().toMillis();
    InetAddress address;
    try {
      address = OutboundAddressGuard.resolve("host", host).getFirst();
    } catch (UnknownHostException e) {
      throw new NutException("unknown host '" + host + "' (check the device's host name)", e);
    } catch (UnsafeDestinationException e) {
      throw new NutException(e.getMessage(), e);
    }
    Socket socket = new Socket();
    try {
      socket.connect(
          new InetSocketAddress(address, port), (int) Math.min(Integer.MAX_VALUE, timeoutMillis));
      socket.setTcpNoDelay(true);
      return new NutClient(socket, server, settings);
    } catch (SocketTimeoutException e) {
      closeQuietly(socket);
      throw new NutException("connect timed out after " + timeoutMillis + " ms to " + server, e);
    } catch (ConnectException e) {
      closeQuietly(socket);
      throw new NutException(
          "connection refused by " + server + " (is upsd running and listening there?)", e);
    } catch (IOException e) {
      closeQuietly(socket);
      throw new NutException("cannot connect to " + server + ": " + e.getMessage(), e);
    }
  }

  /** Logs in; needed only when upsd restricts reading to known users. */
  public void authenticate(String username, String password) throws NutException {
    expectOk("USERNAME", "USERNAME", username);
    if (password != null) {
      // The label, not the words, goes into messages: the password never does.
      expectOk("PASSWORD", "PASSWORD", password);
    }
  }

  /** Every UPS the server serves. */
  public List<UpsInfo> listUps() throws NutException {
    return request("LIST UPS", () -> parser.upsList(lines), "LIST", "UPS");
  }

  /** All variables of one UPS, e.g. {@code battery.charge -> 100}. */
  public Map<String, String> listVariables(String ups) throws NutException {
    return request("LIST VAR " + ups, () -> parser.variables(ups, lines), "LIST", "VAR", ups);
  }

  /** Ends the session politely; upsd answers {@code OK Goodbye}. */
  public void logout() throws NutException {
    expectOk("LOGOUT", "LOGOUT");
  }

  /** Closes the connection; safe to call from another thread and more than once. */
  @Override
  public void close() {
    closeQuietly(socket);
  }

  public String server() {
    return server;
  }

  private <T> T request(String label, Answer<T> answer, String... words) throws NutException {
    try {
      output.write(commandLine(words).getBytes(StandardCharsets.UTF_8));
      output.flush();
      input.expectAnswerWithin(readTimeoutMillis);
      return answer.read();
    } catch (NutException e) {
      throw e;
    } catch (SocketTimeoutException e) {
      throw new NutException(
          "read timed out after "
              + readTimeoutMillis
              + " ms waiting for "
              + server
              + " to answer "
              + label,
          e);
    } catch (IOException e) {
      throw new NutException(
          "connection to " + server + " failed during " + label + ": " + e.getMessage(), e);
    }
  }

  private void expectOk(String label, String... words) throws NutException {
    request(
        label,
        () -> {
          parser.ok(label, lines);
          return null;
        },
        words);
  }

  /** A command line with each word quoted when it needs to be, as upsd's parser expects. */
  static String commandLine(String... words) {
    StringBuilder line = new StringBuilder();
    for (String word : words) {
      if (word.indexOf('\n') >= 0 || word.indexOf('\r') >= 0 || word.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("a NUT command word must not contain line breaks");
      }
      if (!line.isEmpty()) {
        line.append(' ');
      }
      boolean needsQuotes =
          word.isEmpty()
              || word.chars().anyMatch(c -> c == ' ' || c == '"' || c == '\\' || c == '\t');
      if (needsQuotes) {
        line.append('"').append(word.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      } else {
        line.append(word);
      }
    }
    return line.append('\n').toString();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Nothing left to do with a socket that cannot even be closed.
    }
  }

  @FunctionalInterface
  private interface Answer<T> {
    T read() throws IOException;
  }
}
