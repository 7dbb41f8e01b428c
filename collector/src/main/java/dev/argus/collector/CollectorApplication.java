package dev.argus.collector;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Argus collector: polls UPSes over NUT and UPSes and PDUs over SNMP, and publishes one raw reading per poll, failed polls
 * included, to {@code argus.readings.power}, plus a heartbeat to {@code argus.collector.status};
 * probes uptime targets and publishes every result to {@code argus.readings.probe}.
 * Devices, targets and runtime settings come from the environment (see application.yml) and from
 * the api through {@code argus.config}; manual polls arrive on {@code argus.commands}. No web
 * server and no database.
 */
@SpringBootApplication
public class CollectorApplication {

  public static void main(String[] args) {
    SpringApplication.run(CollectorApplication.class, args);
  }
}
