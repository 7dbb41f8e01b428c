package dev.argus.collector.snmp;

import java.util.Locale;
import org.snmp4j.mp.SnmpConstants;

/**
 * The SNMP versions the client speaks, named as in configuration: {@code 1}, {@code 2c}, {@code 3}.
 */
public enum SnmpVersion {
  V1("1", SnmpConstants.version1),
  V2C("2c", SnmpConstants.version2c),
  V3("3", SnmpConstants.version3);

  private final String configName;
  private final int snmp4jVersion;

  SnmpVersion(String configName, int snmp4jVersion) {
    this.configName = configName;
    this.snmp4jVersion = snmp4jVersion;
  }

  /**
   * @throws IllegalArgumentException naming the accepted values
   */
  public static SnmpVersion parse(String value) {
    String wanted = value.trim().toLowerCase(Locale.ROOT).replaceFirst("^v", "");
    for (SnmpVersion version : values()) {
      if (version.configName.equals(wanted)) {
        return version;
      }
    }
    throw new IllegalArgumentException("version must be 1, 2c or 3, was '" + value + "'");
  }

  int snmp4jVersion() {
    return snmp4jVersion;
  }

  @Override
  public String toString() {
    return configName;
  }
}
