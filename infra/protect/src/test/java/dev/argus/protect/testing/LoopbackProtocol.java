package dev.argus.protect.testing;

import org.apache.coyote.Processor;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Tomcat's NIO HTTP/1.1 protocol with one addition for the tests: closing the upgraded (websocket)
 * connections at the socket, without a websocket close frame, the way a controller that reboots or
 * a network that breaks ends them. Tomcat names the connector's protocol by class, hence public.
 */
public final class LoopbackProtocol extends Http11NioProtocol {

  /** Closes every websocket connection abruptly; plain HTTP connections stay. */
  int dropUpgradedConnections() {
    int dropped = 0;
    for (SocketWrapperBase<?> connection : getEndpoint().getConnections()) {
      System.err.println(
          "DEBUG connection " + connection + " processor " + connection.getCurrentProcessor());
      if (connection.getCurrentProcessor() instanceof Processor processor
          && processor.isUpgrade()) {
        connection.close();
        dropped++;
      }
    }
    return dropped;
  }
}
