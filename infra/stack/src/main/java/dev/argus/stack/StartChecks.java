package dev.argus.stack;

import dev.argus.contract.secrets.InvalidSecretKeyException;
import dev.argus.contract.secrets.SecretKeyring;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the launcher checks before it starts anything, so that a setting a service would refuse half
 * a minute later (after the broker and the database) is named at once, in one line that says what
 * to do. Each check returns its problems rather than stopping at the first, so one start shows them
 * all.
 */
final class StartChecks {

  static final int MIN_JAVA = 21;

  /**
   * The api's rule for its bootstrap key, from {@code dev.argus.api.security.SecurityProperties}
   * (the stack does not depend on the api's classes, only on its jar): same length, same words.
   */
  static final int MIN_API_KEY_LENGTH = 32;

  /** The api's own rule for a person's password (users.Credentials). */
  static final int MIN_ADMIN_PASSWORD_LENGTH = 12;

  private StartChecks() {}

  /** The start was refused; each problem is one line naming the setting and what to do. */
  static final class Refused extends RuntimeException {
    private final List<String> problems;

    Refused(List<String> problems) {
      super(String.join("\n", problems));
      this.problems = List.copyOf(problems);
    }

    List<String> problems() {
      return problems;
    }
  }

  /** The settings the services would refuse, the JDK, and the services' jars. */
  static List<String> settings(
      StackOptions options, Map<String, String> environment, Runtime.Version java) {
    List<String> problems = new ArrayList<>();
    if (java.feature() < MIN_JAVA) {
      problems.add(
          "Argus needs Java "
              + MIN_JAVA
              + " or newer, and this is Java "
              + java.feature()
              + " ("
              + System.getProperty("java.home")
              + "): set JAVA_HOME to a JDK "
              + MIN_JAVA
              + "+");
    }
    String apiKey = environment.get("API_KEY");
    if (apiKey != null && !apiKey.isBlank() && apiKey.length() < MIN_API_KEY_LENGTH) {
      problems.add(
          "API_KEY must be at least "
              + MIN_API_KEY_LENGTH
              + " characters long (it has "
              + apiKey.length()
              + "); generate one with: openssl rand -hex 32");
    }
    String adminPassword = environment.get("ARGUS_ADMIN_PASSWORD");
    if (adminPassword != null
        && !adminPassword.isEmpty()
        && adminPassword.codePointCount(0, adminPassword.length()) < MIN_ADMIN_PASSWORD_LENGTH) {
      problems.add(
          "ARGUS_ADMIN_PASSWORD must be at least "
              + MIN_ADMIN_PASSWORD_LENGTH
              + " characters long; or leave it unset and read the first admin's random password"
              + " from the data directory's admin-password file");
    }
    String secretKey = environment.get(SecretKeyring.SETTING);
    if (secretKey != null && !secretKey.isBlank()) {
      try {
        SecretKeyring.parse(secretKey);
      } catch (InvalidSecretKeyException e) {
        problems.add(e.getMessage());
      }
    }
    problems.addAll(ServiceJars.missing(options.home()));
    return problems;
  }

  /** The ports the stack would listen on that something else holds. */
  static List<String> busyPorts(StackOptions options) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("ARGUS_API_PORT", options.apiPort());
    ports.put("ARGUS_KAFKA_PORT", options.kafkaPort());
    ports.put("ARGUS_KAFKA_CONTROLLER_PORT", options.controllerPort());
    if (options.externalDbUrl() == null) {
      ports.put("ARGUS_DB_PORT", options.dbPort());
    }
    if (options.demoFleet()) {
      ports.put("ARGUS_DEMO_NUT_PORT", options.demoNutPort());
      ports.put("ARGUS_DEMO_LLM_PORT", options.demoLlmPort());
      ports.put("ARGUS_DEMO_LLM_PORT + 1", options.demoLlmPort() + 1);
      ports.put("ARGUS_DEMO_CAMERA_PORT", options.demoCameraPort());
    }
    List<String> problems = new ArrayList<>();
    ports.forEach(
        (setting, port) -> {
          try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            // Free.
          } catch (IOException e) {
            problems.add(
                "Port "
                    + port
                    + " ("
                    + setting
                    + ") is in use, by another Argus or another"
                    + " program: stop it, or choose another port with "
                    + setting);
          }
        });
    return problems;
  }
}
