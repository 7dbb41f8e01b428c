package dev.argus.api.alerts;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

/**
 * Mails a notification through the provider's SMTP server (Jakarta Mail), with connect, read and
 * write timeouts; STARTTLS is required when the provider asks for it, so a server that does not
 * offer it is an error rather than a silent plain-text send.
 */
final class EmailAlertSender {

  private final Duration connectTimeout;
  private final Duration requestTimeout;

  EmailAlertSender(Duration connectTimeout, Duration requestTimeout) {
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
  }

  void send(AlertProvider.Email email, AlertMessage message) throws DeliveryException {
    try {
      ProviderDestinations.checkHost("smtp_host", email.smtpHost());
    } catch (InvalidAlertSettingsException e) {
      throw new DeliveryException("refused: " + e.getMessage(), false);
    }
    Session session = Session.getInstance(properties(email));
    String target = email.smtpHost() + ":" + email.smtpPort();
    try {
      MimeMessage mail = new MimeMessage(session);
      mail.setFrom(new InternetAddress(email.from()));
      for (String recipient : email.to()) {
        mail.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
      }
      mail.setSubject(message.title(), "UTF-8");
      mail.setText(message.message(), "UTF-8");
      mail.setSentDate(Date.from(message.timestamp()));
      if (email.username() != null) {
        Transport.send(mail, email.username(), email.password() == null ? "" : email.password());
      } else {
        Transport.send(mail);
      }
    } catch (AuthenticationFailedException e) {
      throw new DeliveryException("SMTP authentication failed at " + target, false);
    } catch (SendFailedException e) {
      throw new DeliveryException("SMTP server " + target + " refused: " + e.getMessage(), false);
    } catch (MessagingException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new DeliveryException(
          "SMTP to "
              + target
              + " failed: "
              + e.getMessage()
              + (cause == e ? "" : " (" + cause.getClass().getSimpleName() + ")"),
          true);
    }
  }

  private Properties properties(AlertProvider.Email email) {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", email.smtpHost());
    properties.put("mail.smtp.port", Integer.toString(email.smtpPort()));
    properties.put("mail.smtp.connectiontimeout", Long.toString(connectTimeout.toMillis()));
    properties.put("mail.smtp.timeout", Long.toString(requestTimeout.toMillis()));
    properties.put("mail.smtp.writetimeout", Long.toString(requestTimeout.toMillis()));
    properties.put("mail.smtp.auth", Boolean.toString(email.username() != null));
    properties.put("mail.smtp.starttls.enable", Boolean.toString(email.starttls()));
    properties.put("mail.smtp.starttls.required", Boolean.toString(email.starttls()));
    return properties;
  }
}
