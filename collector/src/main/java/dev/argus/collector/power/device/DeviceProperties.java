package dev.argus.collector.power.device;

import java.util.Locale;

/**
 * One entry of {@code argus.collector.devices}: either a {@code nut://} or {@code snmp://} URI (see
 * {@link NutDeviceUri}, {@link SnmpDeviceUri}) or the same settings one by one. {@link
 * #toDevice(String)} validates it and applies the defaults.
 *
 * <pre>
 * argus.collector.devices:
 *   - nut://monitor:secret@192.168.1.10/rack1?id=ups-rack1
 *   - id: ups-closet       # optional; default host-ups, or host when ups is omitted
 *     name: Closet UPS     # optional
 *     host: 192.168.1.11
 *     port: 3493           # optional
 *     ups: closet          # optional; omitted = poll every UPS of LIST UPS as id-upsname
 *     username: monitor    # optional, needed with password
 *     password: secret
 *     type: ups            # ups (default) or pdu
 *     enabled: true        # optional
 *   - snmp://public@192.168.1.20?type=pdu&outlet.power=1.3.6.1.4.1.318.1.1.26.9.4.3.1.7
 *   - id: ups-hall
 *     poller: snmp         # nut (default) or snmp
 *     host: 192.168.1.21
 *     port: 161            # optional, default 161 for snmp
 *     snmp:                # see SnmpProperties
 *       version: 3
 *       security-name: argus
 *       auth-protocol: SHA-256
 *       auth-password: secret12
 * </pre>
 *
 * <p>The environment variable {@code ARGUS_COLLECTOR_DEVICES} is this same list, as comma-separated
 * URIs; like any environment variable it takes precedence over a list in a configuration file.
 *
 * @param uri the whole device as a URI; then only {@code enabled} may be given besides it
 * @param poller {@code nut} (default) or {@code snmp}
 * @param snmp the SNMP settings of a device with {@code poller: snmp}
 */
public record DeviceProperties(
    String uri,
    String id,
    String name,
    String host,
    Integer port,
    String ups,
    String username,
    String password,
    String type,
    Boolean enabled,
    String poller,
    SnmpProperties snmp) {

  private static final String NUT = "nut";
  private static final String SNMP = "snmp";

  /** An entry written as a URI. */
  public static DeviceProperties ofUri(String uri) {
    return new DeviceProperties(
        uri, null, null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * @param origin where the entry came from, e.g. {@code argus.collector.devices[2]}, for the
   *     message when it is invalid
   */
  public Device toDevice(String origin) {
    try {
      if (uri == null) {
        return fromSettings();
      }
      if (id != null
          || name != null
          || host != null
          || port != null
          || ups != null
          || username != null
          || password != null
          || type != null
          || poller != null
          || snmp != null) {
        throw new IllegalArgumentException(
            "give the device either as a uri or as host, port, ups ... settings, not both");
      }
      boolean isEnabled = enabled == null || enabled;
      return SnmpDeviceUri.isSnmp(uri)
          ? SnmpDeviceUri.parse(uri, isEnabled)
          : NutDeviceUri.parse(uri, isEnabled);
    } catch (IllegalArgumentException e) {
      String shown = uri == null ? "" : " (" + redact(uri.trim()) + ")";
      String format =
          uri == null
              ? ""
              : ". Expected "
                  + (SnmpDeviceUri.isSnmp(uri) ? SnmpDeviceUri.FORMAT : NutDeviceUri.FORMAT);
      throw new IllegalArgumentException(
          origin + shown + " is invalid: " + e.getMessage() + format, null);
    }
  }

  private Device fromSettings() {
    String protocol =
        poller == null || poller.isBlank() ? NUT : poller.trim().toLowerCase(Locale.ROOT);
    if (protocol.equals(SNMP)) {
      if (ups != null || username != null || password != null) {
        throw new IllegalArgumentException(
            "ups, username and password are NUT settings; an snmp device takes its credentials"
                + " under snmp:");
      }
      return SnmpDevice.of(
          id, name, host, port, type, enabled, snmp == null ? SnmpProperties.NONE : snmp);
    }
    if (!protocol.equals(NUT)) {
      throw new IllegalArgumentException("poller must be nut or snmp, was '" + poller + "'");
    }
    if (snmp != null) {
      throw new IllegalArgumentException("snmp settings need poller: snmp");
    }
    return NutDevice.of(id, name, host, port, ups, username, password, type, enabled);
  }

  private static String redact(String entry) {
    return SnmpDeviceUri.isSnmp(entry) ? SnmpDeviceUri.redact(entry) : NutDeviceUri.redact(entry);
  }

  @Override
  public String toString() {
    return "DeviceProperties["
        + (uri != null
            ? "uri=" + redact(uri)
            : "id="
                + id
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
                + ", poller="
                + poller
                + ", snmp="
                + snmp)
        + "]";
  }
}
