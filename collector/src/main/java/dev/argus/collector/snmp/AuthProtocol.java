package dev.argus.collector.snmp;

import java.util.Locale;
import org.snmp4j.security.AuthHMAC128SHA224;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC256SHA384;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.smi.OID;

/**
 * SNMPv3 USM authentication protocols, named as in configuration and in Net-SNMP: {@code SHA-256}.
 */
public enum AuthProtocol {
  MD5("MD5", AuthMD5.ID),
  SHA("SHA", AuthSHA.ID),
  SHA_224("SHA-224", AuthHMAC128SHA224.ID),
  SHA_256("SHA-256", AuthHMAC192SHA256.ID),
  SHA_384("SHA-384", AuthHMAC256SHA384.ID),
  SHA_512("SHA-512", AuthHMAC384SHA512.ID);

  private final String configName;
  private final OID id;

  AuthProtocol(String configName, OID id) {
    this.configName = configName;
    this.id = id;
  }

  /**
   * Accepts the names case-insensitively, with or without the dash ({@code sha256}), and {@code
   * SHA-1} for {@code SHA}.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static AuthProtocol parse(String value) {
    String wanted = value.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
    if (wanted.equals("SHA1")) {
      return SHA;
    }
    for (AuthProtocol protocol : values()) {
      if (protocol.configName.replace("-", "").equals(wanted)) {
        return protocol;
      }
    }
    throw new IllegalArgumentException(
        "auth protocol must be one of MD5, SHA, SHA-224, SHA-256, SHA-384, SHA-512, was '"
            + value
            + "'");
  }

  OID id() {
    return id;
  }

  @Override
  public String toString() {
    return configName;
  }
}
