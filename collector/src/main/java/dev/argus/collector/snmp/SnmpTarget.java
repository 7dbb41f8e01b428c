package dev.argus.collector.snmp;

import java.time.Duration;

/**
 * Where and how to reach one SNMP agent. For v1/v2c only the community counts; for v3 the USM user:
 * {@code securityName}, with an auth protocol and password for authNoPriv, plus a priv protocol and
 * password for authPriv.
 *
 * @param timeout how long to wait for each answer before retrying
 * @param retries how often a request is resent after a timeout (0 = sent once)
 * @param community never logged: {@link #toString()} masks it, like the passwords
 */
public record SnmpTarget(
    String host,
    int port,
    SnmpVersion version,
    String community,
    String securityName,
    AuthProtocol authProtocol,
    String authPassword,
    PrivProtocol privProtocol,
    String privPassword,
    Duration timeout,
    int retries) {

  public static final int DEFAULT_PORT = 161;

  /** Net-SNMP and snmp4j refuse USM passwords shorter than this (RFC 3414 asks for at least 8). */
  static final int MIN_USM_PASSWORD_LENGTH = 8;

  public SnmpTarget {
    require(host != null && !host.isBlank(), "host is required");
    require(port >= 1 && port <= 65535, "port must be between 1 and 65535, was " + port);
    require(version != null, "version is required");
    require(
        timeout != null && timeout.toMillis() >= 1, "timeout must be at least 1ms, was " + timeout);
    require(retries >= 0 && retries <= 10, "retries must be between 0 and 10, was " + retries);
    if (version == SnmpVersion.V3) {
      require(
          securityName != null && !securityName.isBlank(),
          "SNMPv3 needs a security name (the user, snmp://user@host)");
      require(
          community == null,
          "a community is for SNMP v1/v2c; SNMPv3 uses a security name and passwords");
      require(
          (authProtocol == null) == (authPassword == null),
          "auth protocol and auth password go together: give both or neither");
      require(
          (privProtocol == null) == (privPassword == null),
          "priv protocol and priv password go together: give both or neither");
      require(
          privProtocol == null || authProtocol != null,
          "privacy (priv) needs authentication (auth) too");
      require(
          authPassword == null || authPassword.length() >= MIN_USM_PASSWORD_LENGTH,
          "auth password must have at least 8 characters");
      require(
          privPassword == null || privPassword.length() >= MIN_USM_PASSWORD_LENGTH,
          "priv password must have at least 8 characters");
    } else {
      require(community != null && !community.isEmpty(), "SNMP v1/v2c needs a community");
      require(
          securityName == null
              && authProtocol == null
              && authPassword == null
              && privProtocol == null
              && privPassword == null,
          "security name, auth and priv settings are for SNMPv3 (version=3); v"
              + version
              + " uses a community");
    }
  }

  /** {@code host:port}, for messages. */
  public String address() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return "SnmpTarget["
        + address()
        + ", version="
        + version
        + (version == SnmpVersion.V3
            ? ", securityName="
                + securityName
                + ", auth="
                + authProtocol
                + mask(", authPassword=", authPassword)
                + ", priv="
                + privProtocol
                + mask(", privPassword=", privPassword)
            : mask(", community=", community))
        + ", timeout="
        + timeout
        + ", retries="
        + retries
        + "]";
  }

  private static String mask(String label, String secret) {
    return secret == null ? "" : label + "***";
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
