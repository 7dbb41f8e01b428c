package dev.argus.api.system;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.coyote.Processor;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.coyote.http11.Http11Processor;
import org.apache.juli.logging.Log;
import org.apache.juli.logging.LogFactory;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Tomcat's NIO HTTP/1.1 connector with a deadline for the whole request line and headers.
 *
 * <p>Tomcat 11 has only per-read timeouts ({@code connectionTimeout}, {@code keepAliveTimeout}):
 * each byte that arrives starts the wait afresh, so a client trickling one header byte every few
 * seconds holds a connection (and, under load, a slot of {@code maxConnections}) for hours. Here,
 * each time more header bytes arrive, the time since the first byte of the request is checked; past
 * {@link #getHeaderDeadline() the deadline} the connection is closed. A client that stops sending
 * altogether is closed by {@code connectionTimeout} as before, so no request's headers take longer
 * than the deadline plus {@code connectionTimeout}.
 *
 * <p>Public with a no-argument constructor because Tomcat creates its protocol handler from the
 * class name ({@code TomcatServletWebServerFactory.setProtocol}).
 */
public class HeaderDeadlineProtocol extends Http11NioProtocol {

  private static final Log log = LogFactory.getLog(HeaderDeadlineProtocol.class);

  private volatile long headerDeadlineMillis = 10_000;

  /** Milliseconds from the first byte of a request to the end of its headers. */
  public long getHeaderDeadline() {
    return headerDeadlineMillis;
  }

  public void setHeaderDeadline(long millis) {
    if (millis <= 0) {
      throw new IllegalArgumentException("the header deadline must be positive, got " + millis);
    }
    this.headerDeadlineMillis = millis;
  }

  @Override
  protected Processor createProcessor() {
    return new DeadlineProcessor();
  }

  private final class DeadlineProcessor extends Http11Processor {

    DeadlineProcessor() {
      super(HeaderDeadlineProtocol.this, HeaderDeadlineProtocol.this.getAdapter());
    }

    @Override
    public SocketState service(SocketWrapperBase<?> socket) throws IOException {
      // The start is set at the first byte of a request and cleared when the request ends. A
      // blocking servlet reads its body within the call that parsed the headers, so a call that
      // finds a request already started is one for more bytes of its request line or headers.
      long started = request.getStartTimeNanos();
      if (started != -1
          && System.nanoTime() - started > TimeUnit.MILLISECONDS.toNanos(headerDeadlineMillis)) {
        if (log.isDebugEnabled()) {
          log.debug(
              "Closing a connection whose request headers took longer than "
                  + headerDeadlineMillis
                  + " ms");
        }
        return SocketState.CLOSED;
      }
      return super.service(socket);
    }
  }
}
