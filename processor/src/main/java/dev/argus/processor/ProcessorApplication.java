package dev.argus.processor;

import dev.argus.processor.system.MigrateCommand;
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
    if (args.length > 0 && args[0].equals("migrate")) {
      System.exit(MigrateCommand.run(System.getenv(), System.out));
    }
    SpringApplication.run(ProcessorApplication.class, args);
  }
}
