package dev.argus.collector.power.device;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses one device URI, as given in {@code ARGUS_COLLECTOR_DEVICES} (comma-separated) or as an
 * entry of {@code argus.collector.devices}:
 *
 * <pre>nut://[user[:password]@]host[:port][/upsname][?id=...&amp;name=...&amp;type=ups|pdu]</pre>
 *
 * <p>Examples: {@code nut://127.0.0.1}, {@code
 * nut://monitor:s3cret@10.0.0.5:3493/rack1?id=ups-rack1&name=Rack%201}. Reserved characters in the
 * user or password ({@code @ : / ? , %} ...) are percent-encoded. Without {@code /upsname} every
 * UPS the server lists is polled (device id {@code <id or host>-<upsname>}). Messages never contain
 * the password.
 */
public final class NutDeviceUri {

  public static final String FORMAT =
      "nut://[user[:password]@]host[:port][/upsname][?id=...&name=...&type=ups|pdu]";
  private static final Set<String> PARAMETERS = Set.of("id", "name", "type");

  private NutDeviceUri() {}

  /**
   * @throws IllegalArgumentException with a reason that does not quote the URI, so that it cannot
   *     leak the password
   */
  public static NutDevice parse(String uri, boolean enabled) {
    try {
      return parseValid(uri.trim(), enabled);
    } catch (URISyntaxException e) {
      // Not chained: a URISyntaxException quotes the whole URI, password included.
      throw new IllegalArgumentException(
          e.getReason() + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : ""), null);
    }
  }

  private static NutDevice parseValid(String entry, boolean enabled) throws URISyntaxException {
    URI uri = new URI(entry).parseServerAuthority();
    if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("nut")) {
      throw new IllegalArgumentException("the scheme must be nut://");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("the host is missing");
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "a '#' fragment is not allowed (percent-encode '#' as %23)");
    }
    String username = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      username = percentDecode(parts[0], "user");
      password = parts.length > 1 ? percentDecode(parts[1], "password") : null;
    }
    Map<String, String> parameters = queryParameters(uri.getRawQuery());
    String host =
        uri.getHost().startsWith("[")
            ? uri.getHost().substring(1, uri.getHost().length() - 1)
            : uri.getHost();
    return NutDevice.of(
        parameters.get("id"),
        parameters.get("name"),
        host,
        uri.getPort() == -1 ? null : uri.getPort(),
        upsName(uri.getRawPath()),
        username,
        password,
        parameters.get("type"),
        enabled);
  }

  /** The URI as it may be shown in logs: the password, if any, replaced by {@code ***}. */
  public static String redact(String entry) {
    int schemeEnd = entry.indexOf("//");
    int at = entry.lastIndexOf('@');
    if (schemeEnd < 0 || at < schemeEnd) {
      return entry;
    }
    int colon = entry.indexOf(':', schemeEnd + 2);
    if (colon < 0 || colon > at) {
      return entry;
    }
    return entry.substring(0, colon + 1) + "***" + entry.substring(at);
  }

  private static String upsName(String rawPath) {
    if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
      return null;
    }
    String name = rawPath.substring(1);
    if (name.contains("/")) {
      throw new IllegalArgumentException(
          "the path must be a single UPS name, was '" + rawPath + "'");
    }
    return percentDecode(name, "UPS name");
  }

  private static Map<String, String> queryParameters(String rawQuery) {
    Map<String, String> parameters = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] keyValue = pair.split("=", 2);
      String key = percentDecode(keyValue[0], "parameter name").toLowerCase(Locale.ROOT);
      if (!PARAMETERS.contains(key)) {
        throw new IllegalArgumentException(
            "unknown parameter '" + key + "' (known: id, name, type)");
      }
      String value = keyValue.length > 1 ? percentDecode(keyValue[1].replace('+', ' '), key) : "";
      if (parameters.put(key, value) != null) {
        throw new IllegalArgumentException("parameter '" + key + "' is given twice");
      }
    }
    return parameters;
  }

  /**
   * Decodes %XX escapes only; unlike form decoding, '+' stays a plus sign (in a password, say). The
   * decoder's own message quotes its input, so it is replaced by one naming only the part.
   */
  static String percentDecode(String raw, String part) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the " + part + " has an invalid %-escape", null);
    }
  }
}
