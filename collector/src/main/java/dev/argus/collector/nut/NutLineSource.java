package dev.argus.collector.nut;

import java.io.IOException;

/** Where the parser reads the server's answer from, one line at a time. */
@FunctionalInterface
interface NutLineSource {

  /** The next line without its line terminator, or null when the server closed the connection. */
  String nextLine() throws IOException;
}
