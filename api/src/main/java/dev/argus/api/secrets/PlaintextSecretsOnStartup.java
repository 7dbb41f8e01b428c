package dev.argus.api.secrets;

import dev.argus.api.system.SchemaMigrated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets that an older version stored in plain text, once the schema is migrated (the
 * tables are there then). A failure is logged and left for the next start or the re-encrypt
 * command: it must not keep the api from serving.
 */
@Component
class PlaintextSecretsOnStartup {

  private static final Logger log = LoggerFactory.getLogger(PlaintextSecretsOnStartup.class);

  private final SecretsMaintenance maintenance;

  PlaintextSecretsOnStartup(SecretsMaintenance maintenance) {
    this.maintenance = maintenance;
  }

  @EventListener
  void schemaMigrated(SchemaMigrated event) {
    try {
      maintenance.encryptPlaintext();
    } catch (RuntimeException e) {
      log.error(
          "Could not encrypt the secrets stored in plain text; retried at the next start, or run"
              + " POST /api/v1/admin/secrets/reencrypt",
          e);
    }
  }
}
