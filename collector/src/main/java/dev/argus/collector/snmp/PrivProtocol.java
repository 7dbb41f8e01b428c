package dev.argus.collector.snmp;

import java.util.Locale;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES192;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.smi.OID;

/**
 * SNMPv3 USM privacy (encryption) protocols, named as in configuration and in Net-SNMP: {@code AES}
 * (= {@code AES-128}, RFC 3826), {@code AES-192}, {@code AES-256}. The longer keys use the key
 * extension Net-SNMP uses for {@code AES-192}/{@code AES-256}. DES is not offered: it is broken.
 */
public enum PrivProtocol {
  AES_128("AES-128", PrivAES128.ID),
  AES_192("AES-192", PrivAES192.ID),
  AES_256("AES-256", PrivAES256.ID);

  private final String configName;
  private final OID id;

  PrivProtocol(String configName, OID id) {
    this.configName = configName;
    this.id = id;
  }

  /**
   * @throws IllegalArgumentException naming the accepted values
   */
  public static PrivProtocol parse(String value) {
    String wanted = value.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
    if (wanted.equals("AES")) {
      return AES_128;
    }
    for (PrivProtocol protocol : values()) {
      if (protocol.configName.replace("-", "").equals(wanted)) {
        return protocol;
      }
    }
    throw new IllegalArgumentException(
        "priv protocol must be one of AES (= AES-128), AES-192, AES-256, was '" + value + "'");
  }

  OID id() {
    return id;
  }

  @Override
  public String toString() {
    return configName;
  }
}
