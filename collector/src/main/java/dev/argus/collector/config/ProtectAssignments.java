package dev.argus.collector.config;

import dev.argus.collector.protect.DesiredController;
import dev.argus.contract.camera.ProtectControllerConfig;
import dev.argus.contract.secrets.SecretCipher;
import dev.argus.contract.secrets.SecretContext;
import dev.argus.contract.secrets.SecretDecryptionException;
import dev.argus.protect.ProtectEndpoint;
import java.util.Collection;
import java.util.List;

/**
 * Which Protect controllers this collector keeps a session to: the cameras' assignment rule ({@link
 * CameraAssignments#isForThisCollector}), and for those enabled here the endpoint with the password
 * decrypted (bound to the controller and field as the api encrypted it, {@link
 * SecretContext#protectControllerField}). A controller whose password cannot be decrypted carries
 * the reason instead, never the secret.
 */
public final class ProtectAssignments {

  private final CameraAssignments rule;
  private final SecretCipher cipher;

  public ProtectAssignments(CameraAssignments rule, SecretCipher cipher) {
    this.rule = rule;
    this.cipher = cipher;
  }

  List<DesiredController> desired(Collection<ProtectControllerConfig> controllers) {
    return controllers.stream().map(this::desired).toList();
  }

  DesiredController desired(ProtectControllerConfig controller) {
    boolean here = rule.isForThisCollector(controller.collector());
    if (!here || !controller.enabled()) {
      return new DesiredController(controller, here, null, null);
    }
    String password;
    try {
      String stored = controller.credentials().get("password");
      password =
          stored == null
              ? null
              : cipher.reveal(
                  stored, SecretContext.protectControllerField(controller.id(), "password"));
    } catch (SecretDecryptionException e) {
      return new DesiredController(controller, true, null, "credentials: " + e.getMessage());
    }
    if (password == null || controller.username() == null || controller.username().isBlank()) {
      return new DesiredController(
          controller, true, null, "username and password are required to log in");
    }
    return new DesiredController(
        controller,
        true,
        new ProtectEndpoint(
            controller.host().trim(),
            controller.port(),
            controller.username(),
            password,
            controller.verifySsl()),
        null);
  }
}
