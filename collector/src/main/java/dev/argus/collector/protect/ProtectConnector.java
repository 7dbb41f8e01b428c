package dev.argus.collector.protect;

import dev.argus.protect.ProtectClient;
import dev.argus.protect.ProtectEndpoint;
import dev.argus.protect.ProtectException;
import dev.argus.protect.ProtectSession;
import dev.argus.protect.ProtectTimeouts;
import java.time.Instant;

/**
 * Starts a session to a controller: the production one ({@link #client}) logs in with a {@link
 * ProtectClient} and runs a {@link ProtectSession} on its own thread; the reconciliation's tests
 * count sessions with a fake one.
 */
@FunctionalInterface
public interface ProtectConnector {

  /**
   * Starts a session that reports to {@code listener} until the connection is closed; returns at
   * once (connecting happens on the session's thread).
   */
  ProtectConnection open(String name, ProtectEndpoint endpoint, ProtectSession.Listener listener);

  /** Sessions through {@link ProtectClient} with these timeouts. */
  static ProtectConnector client(ProtectTimeouts timeouts) {
    return (name, endpoint, listener) -> {
      var client = new ProtectClient(endpoint, timeouts);
      var session = new ProtectSession(name, client, timeouts, listener);
      try {
        session.start();
      } catch (RuntimeException e) {
        session.close();
        client.close();
        throw e;
      }
      return new ProtectConnection() {
        @Override
        public byte[] snapshot(String cameraId, Instant at) throws ProtectException {
          return client.snapshot(cameraId, at);
        }

        @Override
        public byte[] exportClip(String cameraId, Instant start, Instant end)
            throws ProtectException {
          return client.exportClip(cameraId, start, end);
        }

        @Override
        public String lastUpdateId() {
          return session.lastUpdateId();
        }

        @Override
        public void close() {
          session.close();
          client.close();
        }
      };
    };
  }
}
