package dev.argus.collector.power.device;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A UPS (or PDU) server the collector polls over NUT, validated and with defaults applied.
 *
 * <p>When {@code ups} is null the collector asks the server {@code LIST UPS} and polls every UPS it
 * lists; each then gets the device id {@code <id>-<upsname>} (see {@link #idFor(String)}). When no
 * id is configured, {@code id} is {@code <host>-<ups>} for a named UPS and {@code <host>} for a
 * server whose UPSes are discovered.
 *
 * @param ups the UPS name on the server, or null to poll every UPS the server lists
 * @param password never logged: {@link #toString()} masks it
 */
public record NutDevice(
    String id,
    String name,
    String host,
    int port,
    String ups,
    String username,
    String password,
    String type,
    boolean enabled)
    implements Device {

  public static final int DEFAULT_PORT = 3493;
  public static final String DEFAULT_TYPE = "ups";
  static final Set<String> TYPES = Set.of("ups", "pdu");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
  private static final Pattern UPS_NAME = Pattern.compile("[^\\s\"\\\\]{1,200}");
  private static final Pattern HOST = Pattern.compile("[^\\s/@\\[\\]]{1,255}");

  public NutDevice {
    require(
        host != null && HOST.matcher(host).matches(),
        "host is required and must be a host name or IP address, was '" + host + "'");
    require(port >= 1 && port <= 65535, "port must be between 1 and 65535, was " + port);
    require(
        ups == null || UPS_NAME.matcher(ups).matches(),
        "ups must be a NUT UPS name without spaces or quotes, was '" + ups + "'");
    require(
        id != null && ID.matcher(id).matches(),
        "id must be 1-200 characters of letters, digits, '.', '_', ':' or '-', was '" + id + "'");
    require(
        username == null || !username.isBlank() && noLineBreaks(username),
        "username must not be blank or contain line breaks");
    require(
        password == null || username != null,
        "a password needs a username (NUT sends USERNAME before PASSWORD)");
    require(password == null || noLineBreaks(password), "password must not contain line breaks");
    require(TYPES.contains(type), "type must be one of " + TYPES + ", was '" + type + "'");
  }

  /**
   * A device with defaults applied: port 3493, type {@code ups}, enabled, and an id derived from
   * the host (and UPS name) when none is given.
   */
  public static NutDevice of(
      String id,
      String name,
      String host,
      Integer port,
      String ups,
      String username,
      String password,
      String type,
      Boolean enabled) {
    String upsName = blankToNull(ups);
    String hostName = host == null ? null : host.trim();
    String deviceId = blankToNull(id);
    if (deviceId == null && hostName != null) {
      deviceId = upsName == null ? hostName : hostName + "-" + upsName;
    }
    return new NutDevice(
        deviceId,
        blankToNull(name),
        hostName,
        port == null ? DEFAULT_PORT : port,
        upsName,
        blankToNull(username),
        password == null || password.isEmpty() ? null : password,
        type == null || type.isBlank()
            ? DEFAULT_TYPE
            : type.trim().toLowerCase(java.util.Locale.ROOT),
        enabled == null || enabled);
  }

  /** True when the UPS names come from the server's {@code LIST UPS}. */
  public boolean discoversUps() {
    return ups == null;
  }

  /** The device id of a UPS found by {@code LIST UPS} on this server: {@code <id>-<upsname>}. */
  public String idFor(String discoveredUps) {
    return id + "-" + discoveredUps;
  }

  @Override
  public String toString() {
    return "NutDevice[id="
        + id
        + ", name="
        + name
        + ", host="
        + host
        + ", port="
        + port
        + ", ups="
        + ups
        + ", username="
        + username
        + ", password="
        + (password == null ? null : "***")
        + ", type="
        + type
        + ", enabled="
        + enabled
        + "]";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static boolean noLineBreaks(String value) {
    return value.indexOf('\n') < 0 && value.indexOf('\r') < 0 && value.indexOf('\0') < 0;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
