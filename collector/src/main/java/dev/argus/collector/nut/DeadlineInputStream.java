package dev.argus.collector.nut;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Bounds the time a whole answer may take, not only each read: before every read the socket's
 * timeout is set to what is left until the deadline. Without this a server that trickles one byte
 * every few seconds would never trip a per-read timeout.
 */
final class DeadlineInputStream extends FilterInputStream {

  private final Socket socket;
  private long deadlineNanos = Long.MAX_VALUE;

  DeadlineInputStream(Socket socket, InputStream in) {
    super(in);
    this.socket = socket;
  }

  /** Starts the clock for the next answer. */
  void expectAnswerWithin(long timeoutMillis) {
    deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000L;
  }

  @Override
  public int read() throws IOException {
    applyRemainingTime();
    return super.read();
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    applyRemainingTime();
    return super.read(buffer, offset, length);
  }

  private void applyRemainingTime() throws IOException {
    long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000L;
    if (remainingMillis <= 0) {
      throw new SocketTimeoutException("answer deadline passed");
    }
    // 0 would mean "wait forever" to a socket, hence at least 1 ms.
    socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, remainingMillis)));
  }
}
