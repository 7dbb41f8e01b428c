package dev.argus.api.secrets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/secrets/reencrypt}: the rotation command. Needs an {@code admin} key.
 */
@RestController
@Tag(name = "admin")
class SecretsController {

  private final SecretsMaintenance maintenance;

  SecretsController(SecretsMaintenance maintenance) {
    this.maintenance = maintenance;
  }

  @PostMapping("/api/v1/admin/secrets/reencrypt")
  @Operation(
      summary = "Re-encrypt every stored secret with the newest key of ARGUS_SECRET_KEY",
      description =
          "One transaction per table; changed device and runtime settings are republished to"
              + " the collectors. Afterwards the older keys can be removed from ARGUS_SECRET_KEY."
              + " Needs an admin key.")
  ReencryptionResult reencrypt() {
    return maintenance.reencryptAll();
  }
}
