package dev.argus.api.alerts;

/** Sends one notification through one provider, once: the transport for each provider type. */
class AlertSenders {

  private final HttpAlertSender http;
  private final EmailAlertSender email;

  AlertSenders(HttpAlertSender http, EmailAlertSender email) {
    this.http = http;
    this.email = email;
  }

  void send(AlertProvider provider, AlertMessage message) throws DeliveryException {
    if (provider instanceof AlertProvider.Email mail) {
      email.send(mail, message);
    } else {
      http.send(provider, message);
    }
  }
}
