package dev.argus.protect;

import java.util.List;

/**
 * A camera as the controller's bootstrap lists it.
 *
 * @param id the controller's id of the camera
 * @param type the model, e.g. {@code UVC G4 Doorbell}
 * @param state e.g. {@code CONNECTED}, {@code DISCONNECTED}
 * @param doorbell whether it has a doorbell (rings)
 * @param smartDetectTypes the smart detections it can make ({@code person}, {@code vehicle}, …)
 */
public record ProtectCamera(
    String id,
    String name,
    String type,
    String state,
    boolean doorbell,
    List<String> smartDetectTypes) {

  public ProtectCamera {
    smartDetectTypes = smartDetectTypes == null ? List.of() : List.copyOf(smartDetectTypes);
  }
}
