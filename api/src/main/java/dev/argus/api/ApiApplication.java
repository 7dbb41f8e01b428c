package dev.argus.api;

import dev.argus.api.system.secrets.BootstrapApiKey;
import dev.argus.api.system.secrets.SecretsProperties;
import dev.argus.contract.secrets.SecretKeyring;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Argus HTTP API. It serves the power telemetry that the processor's sink stores in PostgreSQL
 * (snapshots, events, devices, collector heartbeats) and never writes telemetry itself; its only
 * write to the database is the schema migration at start-up.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ApiApplication {

  public static void main(String[] args) {
    refuseBadKeys(System.getenv());
    SpringApplication.run(ApiApplication.class, args);
  }

  /**
   * The two keys people get wrong most, checked before Spring starts so that the reason is the
   * first line the api prints (what {@code docker compose logs} and the local stack show), not the
   * end of a page of start-up log. Spring checks them again when it binds them.
   */
  private static void refuseBadKeys(Map<String, String> env) {
    try {
      BootstrapApiKey.check(env.get("API_KEY"));
      String keys = env.get(SecretKeyring.SETTING);
      if (keys != null && !keys.isBlank()) {
        new SecretsProperties(keys);
      }
    } catch (IllegalArgumentException e) {
      System.err.println("argus-api cannot start: " + e.getMessage());
      System.exit(1);
    }
  }
}
