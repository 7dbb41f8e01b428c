package dev.argus.stack.demo;

import java.util.List;

/**
 * Uptime targets the demo creates through the api on a fresh stack, so that {@code
 * /api/v1/alert-status} has something to say: three that answer (the api itself, the broker's port,
 * a DNS name) and one that never does (a port nothing listens on), which reaches its threshold
 * within a minute.
 */
public final class DemoTargets {

  private DemoTargets() {}

  /** JSON bodies for {@code POST /api/v1/targets}. */
  public static List<String> bodies(int apiPort, int kafkaPort, int deadPort) {
    return List.of(
        target("Argus API", "http", "http://127.0.0.1:" + apiPort + "/api/health", 10, 3),
        target("Kafka broker", "tcp", "127.0.0.1:" + kafkaPort, 15, 3),
        target("Local DNS", "dns", "localhost", 30, 2),
        target("Lab printer", "tcp", "127.0.0.1:" + deadPort, 10, 3));
  }

  private static String target(
      String name, String type, String address, int interval, int threshold) {
    return """
    {"name": "%s", "type": "%s", "address": "%s", "check_interval_seconds": %d, \
    "failure_threshold": %d, "site": "demo"}\
    """
        .formatted(name, type, address, interval, threshold);
  }
}
