package dev.argus.protect;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS context of a controller connection. With {@code verify_ssl} on it is the JVM's default
 * (its trust store, host name checked against the certificate). Off, it accepts the certificate the
 * controller presents and skips the host name check, as the seed's system does with {@code
 * verify_ssl: false}: nearly every controller has a self-signed certificate for a name that is not
 * the one users type. The traffic is still encrypted; what is given up is knowing who answers,
 * which the user chose knowingly.
 */
final class Tls {

  private Tls() {}

  static SSLContext context(boolean verify) {
    try {
      if (verify) {
        return SSLContext.getDefault();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new AcceptAny()}, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM offers no TLS context", e);
    }
  }

  /**
   * Trusts whatever the controller presents. An {@link X509ExtendedTrustManager} on purpose: JSSE
   * then leaves the host name check to it (and it does none), where a plain X509TrustManager would
   * be wrapped with one.
   */
  private static final class AcceptAny extends X509ExtendedTrustManager {

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
      throw new UnsupportedOperationException("a client context");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
      throw new UnsupportedOperationException("a client context");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      throw new UnsupportedOperationException("a client context");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
