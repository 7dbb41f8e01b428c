package dev.argus.api.alerts;

/** Alert settings that cannot be saved; the message is the 422's detail. */
class InvalidAlertSettingsException extends RuntimeException {

  InvalidAlertSettingsException(String detail) {
    super(detail);
  }
}
