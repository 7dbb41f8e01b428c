package dev.argus.collector.nut;

import dev.argus.contract.settings.Durations;
import java.time.Duration;

/**
 * Limits that keep one NUT conversation bounded whatever the server does.
 *
 * @param connectTimeout how long to wait for the TCP connection
 * @param readTimeout how long one whole answer (e.g. the complete {@code LIST VAR}) may take
 * @param maxLineBytes longest line accepted from the server
 * @param maxListLines most lines accepted in one list answer
 */
public record NutClientSettings(
    Duration connectTimeout, Duration readTimeout, int maxLineBytes, int maxListLines) {

  public static final int DEFAULT_MAX_LINE_BYTES = 4096;
  public static final int DEFAULT_MAX_LIST_LINES = 10_000;

  public NutClientSettings {
    Durations.requirePositive(connectTimeout, "connectTimeout");
    Durations.requirePositive(readTimeout, "readTimeout");
    if (maxLineBytes < 1 || maxListLines < 1) {
      throw new IllegalArgumentException("maxLineBytes and maxListLines must be at least 1");
    }
  }

  public static NutClientSettings withTimeouts(Duration connectTimeout, Duration readTimeout) {
    return new NutClientSettings(
        connectTimeout, readTimeout, DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_LIST_LINES);
  }
}
