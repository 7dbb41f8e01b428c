package dev.argus.api;

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
    SpringApplication.run(ApiApplication.class, args);
  }
}
