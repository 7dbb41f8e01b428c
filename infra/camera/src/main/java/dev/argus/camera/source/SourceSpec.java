package dev.argus.camera.source;

import java.time.Duration;

/**
 * Where a camera's frames come from, with its credentials in the clear (decrypted by the caller,
 * never logged: {@link #toString} leaves the password out).
 *
 * @param type {@code rtsp}, {@code mjpeg}, {@code snapshot} or {@code usb}
 * @param url rtsp: the RTSP URL; mjpeg: the multipart stream; snapshot: the JPEG; usb: the device
 *     path
 * @param transport rtsp only: {@code tcp} or {@code udp}
 * @param snapshotInterval snapshot only: how often the JPEG is fetched
 */
public record SourceSpec(
    String type,
    String url,
    String transport,
    String username,
    String password,
    Duration snapshotInterval) {

  @Override
  public String toString() {
    return "SourceSpec[type=%s, url=%s, transport=%s, username=%s, password=%s]"
        .formatted(type, url, transport, username, password == null ? null : "***");
  }
}
