package dev.argus.collector.power.device;

import dev.argus.collector.snmp.AuthProtocol;
import dev.argus.collector.snmp.PrivProtocol;
import dev.argus.collector.snmp.SnmpTarget;
import dev.argus.collector.snmp.SnmpVersion;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A UPS or PDU the collector polls over SNMP, validated and with defaults applied: one reading per
 * poll, read from the OIDs of {@link #oids()}.
 *
 * @param target the agent and credentials; its {@code toString} masks the secrets
 */
public record SnmpDevice(
    String id, String name, String type, boolean enabled, SnmpTarget target, SnmpOidMap oids)
    implements Device {

  public static final SnmpVersion DEFAULT_VERSION = SnmpVersion.V2C;
  public static final String DEFAULT_COMMUNITY = "public";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  public static final int DEFAULT_RETRIES = 1;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
  private static final Pattern HOST = Pattern.compile("[^\\s/@\\[\\]]{1,255}");

  public SnmpDevice {
    require(
        id != null && ID.matcher(id).matches(),
        "id must be 1-200 characters of letters, digits, '.', '_', ':' or '-', was '" + id + "'");
    require(
        NutDevice.TYPES.contains(type),
        "type must be one of " + NutDevice.TYPES + ", was '" + type + "'");
  }

  /**
   * A device with defaults applied: port 161, SNMP v2c, community {@code public} (v1/v2c), timeout
   * 2 s, 1 retry, type {@code ups} (UPS-MIB OIDs), id = host.
   */
  public static SnmpDevice of(
      String id,
      String name,
      String host,
      Integer port,
      String type,
      Boolean enabled,
      SnmpProperties snmp) {
    String hostName = host == null ? null : host.trim();
    require(
        hostName != null && HOST.matcher(hostName).matches(),
        "host is required and must be a host name or IP address, was '" + host + "'");
    String deviceType =
        type == null || type.isBlank()
            ? NutDevice.DEFAULT_TYPE
            : type.trim().toLowerCase(Locale.ROOT);
    SnmpVersion version =
        snmp.version() == null || snmp.version().isBlank()
            ? DEFAULT_VERSION
            : SnmpVersion.parse(snmp.version());
    String community = blankToNull(snmp.community());
    if (community == null && version != SnmpVersion.V3) {
      community = DEFAULT_COMMUNITY;
    }
    var target =
        new SnmpTarget(
            hostName,
            port == null ? SnmpTarget.DEFAULT_PORT : port,
            version,
            community,
            blankToNull(snmp.securityName()),
            blankToNull(snmp.authProtocol()) == null
                ? null
                : AuthProtocol.parse(snmp.authProtocol()),
            emptyToNull(snmp.authPassword()),
            blankToNull(snmp.privProtocol()) == null
                ? null
                : PrivProtocol.parse(snmp.privProtocol()),
            emptyToNull(snmp.privPassword()),
            snmp.timeout() == null ? DEFAULT_TIMEOUT : snmp.timeout(),
            snmp.retries() == null ? DEFAULT_RETRIES : snmp.retries());
    String deviceId = blankToNull(id) == null ? hostName : id.trim();
    return new SnmpDevice(
        deviceId,
        blankToNull(name),
        deviceType,
        enabled == null || enabled,
        target,
        SnmpOidMap.of(deviceType, snmp.oids(), snmp.outletTable()));
  }

  @Override
  public String host() {
    return target.host();
  }

  @Override
  public int port() {
    return target.port();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
