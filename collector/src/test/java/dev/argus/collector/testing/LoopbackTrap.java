package dev.argus.collector.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A TCP listener on loopback that counts connections without answering them. On Linux a connection
 * to 0.0.0.0 reaches loopback, so a client that connects to {@code 0.0.0.0:port} lands here: a test
 * points the code under test at that address and proves it refused to connect when {@link
 * #connections()} stays 0. A connect that returned is already in the accept queue, so counting
 * needs no waiting.
 */
public final class LoopbackTrap implements AutoCloseable {

  private final ServerSocketChannel channel;
  private int connections;

  public LoopbackTrap() throws IOException {
    channel = ServerSocketChannel.open();
    channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    channel.configureBlocking(false);
  }

  public int port() {
    return channel.socket().getLocalPort();
  }

  /** Connections made so far. */
  public int connections() throws IOException {
    SocketChannel accepted;
    while ((accepted = channel.accept()) != null) {
      accepted.close();
      connections++;
    }
    return connections;
  }

  /** Connects to {@code 0.0.0.0:port} directly, proving the premise: that this reaches the trap. */
  public void connectThroughTheUnspecifiedAddress() throws IOException {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress("0.0.0.0", port()), 5_000);
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
