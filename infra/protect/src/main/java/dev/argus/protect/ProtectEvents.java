package dev.argus.protect;

import java.util.List;

/**
 * Turns updates into detections, as the seed's system reads them: a camera's motion flag, its
 * active smart detect types and the event adds/updates of type {@code motion}, {@code
 * smartDetectZone} and {@code ring}. Pure; one instance per session keeps what it needs to pair
 * starts and ends.
 */
public final class ProtectEvents {

  public List<ProtectDetection> read(ProtectUpdate update) {
    throw new UnsupportedOperationException("not yet");
  }
}
