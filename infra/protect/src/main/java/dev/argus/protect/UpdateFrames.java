package dev.argus.protect;

/**
 * Decodes one binary message of the updates websocket: an action frame and a data frame, each an
 * 8-byte header (packet type, payload format (1 = JSON), deflated flag, reserved, payload size;
 * big-endian) and its payload, zlib-deflated when the flag says so. Encodes them too, for the
 * loopback controller of the tests.
 */
public final class UpdateFrames {

  private UpdateFrames() {}

  public static ProtectUpdate decode(byte[] message) throws ProtectException {
    throw new UnsupportedOperationException("not yet");
  }
}
