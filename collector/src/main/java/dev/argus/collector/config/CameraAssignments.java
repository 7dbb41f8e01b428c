package dev.argus.collector.config;

import dev.argus.collector.camera.CameraSourceSpecs;
import dev.argus.collector.camera.DesiredCamera;
import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.secrets.SecretCipher;
import dev.argus.contract.secrets.SecretContext;
import dev.argus.contract.secrets.SecretDecryptionException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Which cameras run on this collector, and from where: the same assignment rule as managed devices
 * ({@code collector} equal to this collector's id, or empty when it accepts unassigned work), and
 * for those that should run, the source with the password decrypted (bound to the camera and field
 * as the api encrypted it, {@link SecretContext#cameraField}; a plaintext value of an older record
 * is taken as it is). A camera that cannot be read carries the reason instead, never the secret.
 * The plaintext stays in this collector's memory.
 */
public final class CameraAssignments {

  private final String collectorId;
  private final boolean acceptUnassigned;
  private final SecretCipher cipher;

  public CameraAssignments(String collectorId, boolean acceptUnassigned, SecretCipher cipher) {
    this.collectorId = collectorId;
    this.acceptUnassigned = acceptUnassigned;
    this.cipher = cipher;
  }

  List<DesiredCamera> desired(Collection<CameraConfig> cameras) {
    return cameras.stream().map(this::desired).toList();
  }

  DesiredCamera desired(CameraConfig camera) {
    boolean here = isForThisCollector(camera.collector());
    if (!here
        || !camera.shouldRun()
        || CameraSourceSpecs.PROTECT.equals(camera.type().trim().toLowerCase(Locale.ROOT))) {
      return new DesiredCamera(camera, here, null, null);
    }
    String password;
    try {
      String stored = camera.credentials().get("password");
      password =
          stored == null
              ? null
              : cipher.reveal(stored, SecretContext.cameraField(camera.id(), "password"));
    } catch (SecretDecryptionException e) {
      return new DesiredCamera(camera, true, null, "credentials: " + e.getMessage());
    }
    try {
      return new DesiredCamera(camera, true, CameraSourceSpecs.of(camera, password), null);
    } catch (IllegalArgumentException e) {
      return new DesiredCamera(camera, true, null, e.getMessage());
    }
  }

  /**
   * The assignment rule of cameras, devices and Protect controllers: {@code assigned} names this
   * collector, or nobody while this collector accepts unassigned work.
   */
  public boolean isForThisCollector(String assigned) {
    if (assigned == null || assigned.isBlank()) {
      return acceptUnassigned;
    }
    return assigned.trim().equals(collectorId);
  }
}
