package dev.argus.protect;

import java.util.List;

/**
 * What {@code GET /proxy/protect/api/bootstrap} says: the controller, its cameras, and where the
 * updates stream starts.
 */
public record Bootstrap(
    String nvrId,
    String nvrName,
    String nvrVersion,
    String lastUpdateId,
    List<ProtectCamera> cameras) {

  public Bootstrap {
    cameras = cameras == null ? List.of() : List.copyOf(cameras);
  }
}
