package dev.argus.camera.detect;

/**
 * A frame the detector could not answer for: an unreadable image (the sidecar said why), a timeout,
 * or a sidecar that is missing, dead or restarting. The message is meant for operators.
 */
public class DetectorException extends Exception {

  public DetectorException(String message) {
    super(message);
  }

  public DetectorException(String message, Throwable cause) {
    super(message, cause);
  }
}
