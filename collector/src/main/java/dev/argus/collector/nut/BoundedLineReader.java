package dev.argus.collector.nut;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into lines ending in {@code \n} (a preceding {@code \r} is dropped) and
 * refuses any line longer than {@code maxLineBytes}, so a server that never sends a newline cannot
 * make the collector buffer without limit.
 */
final class BoundedLineReader implements NutLineSource {

  private final InputStream in;
  private final int maxLineBytes;

  /**
   * @param in should be buffered: it is read one byte at a time
   */
  BoundedLineReader(InputStream in, int maxLineBytes) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be at least 1, was " + maxLineBytes);
    }
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * The next line decoded as UTF-8, or null when the stream ended. A line cut off by the end of the
   * stream is dropped: the answer is incomplete either way, and the parser reports which line it
   * was still waiting for.
   */
  @Override
  public String nextLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b == -1) {
        return null;
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
      }
      if (line.size() == maxLineBytes) {
        throw new NutProtocolException(
            "the server sent a line longer than "
                + maxLineBytes
                + " bytes; is this port a NUT server?");
      }
      line.write(b);
    }
  }
}
