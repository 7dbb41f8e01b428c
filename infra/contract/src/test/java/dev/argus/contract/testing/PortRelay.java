package dev.argus.contract.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Opens a port that was closed and relays every connection to it to another address, on virtual
 * threads: a broker "starts" at an address a service already dials. (The in-JVM KRaft broker picks
 * its own port.) Kafka clients bootstrap through the relay and then dial the broker's advertised
 * address themselves.
 */
public final class PortRelay implements AutoCloseable {

  private final ServerSocket server;

  private PortRelay(ServerSocket server) {
    this.server = server;
  }

  /** Listens on 127.0.0.1:{@code port} and relays to {@code target} from now on. */
  public static PortRelay open(int port, InetSocketAddress target) throws IOException {
    var server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    var relay = new PortRelay(server);
    Thread.ofVirtual().start(() -> relay.accept(target));
    return relay;
  }

  private void accept(InetSocketAddress target) {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(target.getAddress(), target.getPort());
        Thread.ofVirtual().start(() -> copy(client, upstream));
        Thread.ofVirtual().start(() -> copy(upstream, client));
      } catch (IOException e) {
        // Closed, or the target refused this one connection; the client sees it closed.
      }
    }
  }

  private static void copy(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // One side went away; closing both ends the other direction too.
    } finally {
      try {
        from.close();
        to.close();
      } catch (IOException ignored) {
        // Nothing left to do.
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
