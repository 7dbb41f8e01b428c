package dev.argus.api.alerts;

/** A provider address that must not be called; the message says which field and why. */
final class UnsafeDestinationException extends InvalidAlertSettingsException {

  UnsafeDestinationException(String detail) {
    super(detail);
  }
}
