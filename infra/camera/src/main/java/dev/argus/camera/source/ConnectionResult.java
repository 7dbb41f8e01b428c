package dev.argus.camera.source;

/**
 * The answer of {@code POST /api/v1/cameras/test}.
 *
 * @param message what happened, e.g. {@code connected} or {@code 401 Unauthorized}
 * @param resolution e.g. {@code 320x240}; null on failure
 * @param thumbnail a small JPEG of the first frame, base64; null on failure
 */
public record ConnectionResult(
    boolean success,
    String message,
    String resolution,
    Double fps,
    String codec,
    String thumbnail) {

  public static ConnectionResult failure(String message) {
    return new ConnectionResult(false, message, null, null, null, null);
  }
}
