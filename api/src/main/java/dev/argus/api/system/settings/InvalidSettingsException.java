package dev.argus.api.system.settings;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** 422: the settings named in the detail are invalid; nothing was changed. */
final class InvalidSettingsException extends ResponseStatusException {

  InvalidSettingsException(List<String> problems) {
    super(HttpStatus.UNPROCESSABLE_CONTENT, String.join("; ", problems));
  }
}
