package dev.argus.collector;

import dev.argus.collector.system.SecretsSettings;
import dev.argus.contract.secrets.SecretKeyring;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Argus collector: polls UPSes over NUT and UPSes and PDUs over SNMP, and publishes one raw
 * reading per poll, failed polls included, to {@code argus.readings.power}, plus a heartbeat to
 * {@code argus.collector.status}; probes uptime targets and publishes every result to {@code
 * argus.readings.probe}. Devices, targets and runtime settings come from the environment (see
 * application.yml) and from the api through {@code argus.config}; manual polls arrive on {@code
 * argus.commands}. No web server and no database.
 */
@SpringBootApplication
public class CollectorApplication {

  public static void main(String[] args) {
    refuseBadKey(System.getenv(SecretKeyring.SETTING));
    SpringApplication.run(CollectorApplication.class, args);
  }

  /**
   * Checked before Spring starts, so that a bad key is the first line the collector prints (what
   * {@code docker compose logs} and the local stack show) rather than the end of a page of log
   * after it waited for the broker. Spring checks it again when it binds it.
   */
  private static void refuseBadKey(String keys) {
    if (keys == null || keys.isBlank()) {
      return;
    }
    try {
      new SecretsSettings(keys);
    } catch (IllegalArgumentException e) {
      System.err.println("argus-collector cannot start: " + e.getMessage());
      System.exit(1);
    }
  }
}
