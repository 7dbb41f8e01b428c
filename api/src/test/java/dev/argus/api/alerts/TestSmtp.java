package dev.argus.api.alerts;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/** A real SMTP server (GreenMail) on a free loopback port, for the email provider. */
final class TestSmtp implements AutoCloseable {

  private final GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));

  TestSmtp() {
    server.start();
  }

  /** Requires this login from now on. */
  TestSmtp withUser(String email, String login, String password) {
    server.setUser(email, login, password);
    return this;
  }

  int port() {
    return server.getSmtp().getPort();
  }

  MimeMessage[] received() {
    return server.getReceivedMessages();
  }

  @Override
  public void close() {
    server.stop();
  }
}
