package dev.argus.collector.power.device;

import java.time.Duration;
import java.util.Map;

/**
 * The SNMP settings of one {@code argus.collector.devices} entry with {@code poller: snmp}, as
 * written in configuration; {@link SnmpDevice#of} validates them and applies the defaults.
 *
 * <pre>
 * snmp:
 *   version: 3                 # 1, 2c (default) or 3
 *   community: public          # v1/v2c; default public
 *   security-name: argus       # v3 user
 *   auth-protocol: SHA-256     # v3: MD5, SHA, SHA-224, SHA-256, SHA-384, SHA-512
 *   auth-password: ...
 *   priv-protocol: AES         # v3: AES (= AES-128), AES-192, AES-256
 *   priv-password: ...
 *   timeout: 2s                # per request attempt
 *   retries: 1
 *   oids:                      # field: OID[*factor]; replaces the default of that field
 *     power_watts: 1.3.6.1.4.1.318.1.1.12.1.16.0
 *   outlet-table:              # PDU outlet table columns: name, power, current
 *     name: 1.3.6.1.4.1.318.1.1.26.9.4.3.1.3
 *     current: 1.3.6.1.4.1.318.1.1.26.9.4.3.1.6*0.1
 * </pre>
 *
 * <p>The community and the passwords are never logged: {@link #toString()} masks them.
 */
public record SnmpProperties(
    String version,
    String community,
    String securityName,
    String authProtocol,
    String authPassword,
    String privProtocol,
    String privPassword,
    Duration timeout,
    Integer retries,
    Map<String, String> oids,
    Map<String, String> outletTable) {

  static final SnmpProperties NONE =
      new SnmpProperties(null, null, null, null, null, null, null, null, null, null, null);

  @Override
  public String toString() {
    return "SnmpProperties[version="
        + version
        + ", community="
        + mask(community)
        + ", securityName="
        + securityName
        + ", authProtocol="
        + authProtocol
        + ", authPassword="
        + mask(authPassword)
        + ", privProtocol="
        + privProtocol
        + ", privPassword="
        + mask(privPassword)
        + ", timeout="
        + timeout
        + ", retries="
        + retries
        + ", oids="
        + oids
        + ", outletTable="
        + outletTable
        + "]";
  }

  private static String mask(String secret) {
    return secret == null ? null : "***";
  }
}
