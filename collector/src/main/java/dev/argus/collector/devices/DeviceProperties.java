package dev.argus.collector.devices;

/**
 * One entry of {@code argus.collector.devices}: either a {@code nut://} URI (see {@link
 * NutDeviceUri}) or the same settings one by one. {@link #toDevice(String)} validates it and
 * applies the defaults.
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
 * </pre>
 *
 * <p>The environment variable {@code ARGUS_COLLECTOR_DEVICES} is this same list, as
 * comma-separated URIs; like any environment variable it takes precedence over a list in a
 * configuration file.
 *
 * @param uri the whole device as a URI; then only {@code enabled} may be given besides it
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
    Boolean enabled) {

  /** An entry written as a URI. */
  public static DeviceProperties ofUri(String uri) {
    return new DeviceProperties(uri, null, null, null, null, null, null, null, null, null);
  }

  /**
   * @param origin where the entry came from, e.g. {@code argus.collector.devices[2]}, for the
   *     message when it is invalid
   */
  public NutDevice toDevice(String origin) {
    try {
      if (uri == null) {
        return NutDevice.of(id, name, host, port, ups, username, password, type, enabled);
      }
      if (id != null || name != null || host != null || port != null || ups != null
          || username != null || password != null || type != null) {
        throw new IllegalArgumentException(
            "give the device either as a uri or as host, port, ups ... settings, not both");
      }
      return NutDeviceUri.parse(uri, enabled == null || enabled);
    } catch (IllegalArgumentException e) {
      String shown = uri == null ? "" : " (" + NutDeviceUri.redact(uri.trim()) + ")";
      String format = uri == null ? "" : ". Expected " + NutDeviceUri.FORMAT;
      throw new IllegalArgumentException(origin + shown + " is invalid: " + e.getMessage() + format, null);
    }
  }

  @Override
  public String toString() {
    return "DeviceProperties[" + (uri != null ? "uri=" + NutDeviceUri.redact(uri) : "id=" + id + ", host=" + host
        + ", port=" + port + ", ups=" + ups + ", username=" + username
        + ", password=" + (password == null ? null : "***")) + "]";
  }
}
