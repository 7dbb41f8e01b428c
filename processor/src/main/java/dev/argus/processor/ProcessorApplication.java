package dev.argus.processor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Argus processor: the Kafka Streams topology that derives power events from readings, and the
 * sink that stores readings, events and collector heartbeats in PostgreSQL/TimescaleDB. It serves
 * no HTTP; it runs until SIGTERM, then closes Streams, the sink's consumer and the pool.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProcessorApplication {

  public static void main(String[] args) {
    SpringApplication.run(ProcessorApplication.class, args);
  }
}
