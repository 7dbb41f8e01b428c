package dev.argus.api.system;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** How long the api process (the JVM) has been running. */
@Component
class ProcessUptime {

  private final Clock clock;
  private final Instant processStart;

  ProcessUptime(Clock clock) {
    this.clock = clock;
    this.processStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
  }

  long seconds() {
    return Math.max(0, Duration.between(processStart, clock.instant()).toSeconds());
  }
}
