package dev.argus.collector.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real TCP server on loopback that plays a NUT server badly or well, for client tests: it accepts
 * connections on a virtual thread each and hands them to a {@link Conversation}. It records the
 * request lines it received and notices when a client closes its connection.
 */
public final class FakeNutServer implements AutoCloseable {

  /** What the server does with one accepted connection. */
  @FunctionalInterface
  public interface Conversation {
    void handle(BufferedReader requests, OutputStream answers) throws IOException;
  }

  private final ServerSocket serverSocket;
  private final Conversation conversation;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<Socket> connections = new CopyOnWriteArrayList<>();
  private final CountDownLatch clientClosed = new CountDownLatch(1);
  private final Thread acceptor;

  private FakeNutServer(Conversation conversation) throws IOException {
    this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.conversation = conversation;
    this.acceptor = Thread.ofVirtual().name("fake-nut-accept").start(this::acceptLoop);
  }

  public static FakeNutServer start(Conversation conversation) {
    try {
      return new FakeNutServer(conversation);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Answers each request line with the text mapped to it (sent as is, so it must contain its own
   * newlines); {@code ERR UNKNOWN-COMMAND} for any other request.
   */
  public static FakeNutServer scripted(Map<String, String> answers) {
    return start(
        (requests, out) -> {
          String request;
          while ((request = requests.readLine()) != null) {
            String answer = answers.getOrDefault(request, "ERR UNKNOWN-COMMAND\n");
            out.write(answer.getBytes(StandardCharsets.UTF_8));
            out.flush();
          }
        });
  }

  /** Reads requests and never answers. */
  public static FakeNutServer hanging() {
    return start(
        (requests, out) -> {
          while (requests.readLine() != null) {
            // Swallow the request; the client is left waiting.
          }
        });
  }

  public String host() {
    return serverSocket.getInetAddress().getHostAddress();
  }

  public int port() {
    return serverSocket.getLocalPort();
  }

  /** Every request line received so far, over all connections. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** Waits until a client closed its end of a connection (the server read end-of-stream). */
  public boolean awaitClientClosed(long timeout, TimeUnit unit) throws InterruptedException {
    return clientClosed.await(timeout, unit);
  }

  /** Stops listening (new connections are refused once this returns) and drops every connection. */
  @Override
  public void close() throws IOException {
    serverSocket.close();
    try {
      // The port is released only once the accepting virtual thread has left accept().
      acceptor.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Socket connection : connections) {
      connection.close();
    }
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        connections.add(socket);
        Thread.ofVirtual().name("fake-nut-conversation").start(() -> converse(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void converse(Socket socket) {
    try (socket) {
      var reader =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)) {
            @Override
            public String readLine() throws IOException {
              String line = super.readLine();
              if (line == null) {
                clientClosed.countDown();
              } else {
                requests.add(line);
              }
              return line;
            }
          };
      conversation.handle(reader, socket.getOutputStream());
    } catch (IOException e) {
      // A client that resets the connection has closed it too.
      clientClosed.countDown();
    }
  }
}
