package dev.argus.collector.power.device;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.convert.DurationStyle;

/**
 * Parses one SNMP device URI, as given in {@code ARGUS_COLLECTOR_DEVICES} or as an entry of {@code
 * argus.collector.devices}:
 *
 * <pre>
 * snmp://[community@]host[:port][?version=1|2c&amp;type=ups|pdu&amp;id=...&amp;name=...]
 * snmp://user@host[:port]?version=3[&amp;auth=SHA-256&amp;auth_password=...[&amp;priv=AES&amp;priv_password=...]]
 * </pre>
 *
 * <p>Further parameters: {@code timeout} (e.g. {@code 2s}, {@code 500ms}), {@code retries}, {@code
 * oid.<field>=OID[*factor]} (see {@link SnmpField}) and {@code
 * outlet.<name|power|current>=OID[*factor]}. Reserved characters are percent-encoded. Messages
 * never contain the community or a password.
 */
public final class SnmpDeviceUri {

  public static final String FORMAT =
      "snmp://[community@]host[:port][?version=1|2c|3&type=ups|pdu&id=...&name=...&auth=...&auth_password=...&priv=...&priv_password=...&timeout=...&retries=...&oid.<field>=...&outlet.<column>=...]";
  private static final Set<String> PARAMETERS =
      Set.of(
          "id",
          "name",
          "type",
          "version",
          "auth",
          "auth_password",
          "priv",
          "priv_password",
          "timeout",
          "retries");
  private static final Pattern SECRET_PARAMETER =
      Pattern.compile("((?:^|[?&])(?:auth|priv)_password=)[^&]*", Pattern.CASE_INSENSITIVE);

  private SnmpDeviceUri() {}

  public static boolean isSnmp(String uri) {
    return uri.trim().regionMatches(true, 0, "snmp://", 0, 7);
  }

  /**
   * @throws IllegalArgumentException with a reason that quotes no secret
   */
  public static SnmpDevice parse(String uri, boolean enabled) {
    try {
      return parseValid(uri.trim(), enabled);
    } catch (URISyntaxException e) {
      // Not chained: a URISyntaxException quotes the whole URI, secrets included.
      throw new IllegalArgumentException(
          e.getReason() + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : ""), null);
    }
  }

  private static SnmpDevice parseValid(String entry, boolean enabled) throws URISyntaxException {
    URI uri = new URI(entry).parseServerAuthority();
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("the host is missing");
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "a '#' fragment is not allowed (percent-encode '#' as %23)");
    }
    if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
      throw new IllegalArgumentException(
          "an snmp:// URI has no path; give the settings as ?parameters");
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    Map<String, String> oids = new LinkedHashMap<>();
    Map<String, String> outlets = new LinkedHashMap<>();
    readQuery(uri.getRawQuery(), parameters, oids, outlets);
    String user =
        uri.getRawUserInfo() == null
            ? null
            : NutDeviceUri.percentDecode(uri.getRawUserInfo(), "community or user");
    boolean v3 =
        "3".equals(parameters.get("version")) || "v3".equalsIgnoreCase(parameters.get("version"));
    String host =
        uri.getHost().startsWith("[")
            ? uri.getHost().substring(1, uri.getHost().length() - 1)
            : uri.getHost();
    var snmp =
        new SnmpProperties(
            parameters.get("version"),
            v3 ? null : user,
            v3 ? user : null,
            parameters.get("auth"),
            parameters.get("auth_password"),
            parameters.get("priv"),
            parameters.get("priv_password"),
            duration(parameters.get("timeout")),
            integer(parameters.get("retries"), "retries"),
            oids,
            outlets);
    return SnmpDevice.of(
        parameters.get("id"),
        parameters.get("name"),
        host,
        uri.getPort() == -1 ? null : uri.getPort(),
        parameters.get("type"),
        enabled,
        snmp);
  }

  /**
   * The URI as it may be shown in logs: the passwords replaced by {@code ***}, and the user info
   * too unless it is a v3 user name (for v1/v2c it is the community, a secret).
   */
  public static String redact(String entry) {
    Matcher secrets = SECRET_PARAMETER.matcher(entry);
    String redacted = secrets.replaceAll("$1***");
    boolean v3 = redacted.toLowerCase(Locale.ROOT).matches(".*[?&]version=v?3(&.*|$)");
    int schemeEnd = redacted.indexOf("//");
    int at = redacted.indexOf('@');
    int query = redacted.indexOf('?');
    if (v3 || schemeEnd < 0 || at < schemeEnd || (query >= 0 && at > query)) {
      return redacted;
    }
    return redacted.substring(0, schemeEnd + 2) + "***" + redacted.substring(at);
  }

  private static void readQuery(
      String rawQuery,
      Map<String, String> parameters,
      Map<String, String> oids,
      Map<String, String> outlets) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] keyValue = pair.split("=", 2);
      String key =
          NutDeviceUri.percentDecode(keyValue[0], "parameter name").toLowerCase(Locale.ROOT);
      String value =
          keyValue.length > 1 ? NutDeviceUri.percentDecode(keyValue[1].replace('+', ' '), key) : "";
      Map<String, String> target;
      String name;
      if (key.startsWith("oid.")) {
        target = oids;
        name = key.substring(4);
      } else if (key.startsWith("outlet.")) {
        target = outlets;
        name = key.substring(7);
      } else if (PARAMETERS.contains(key)) {
        target = parameters;
        name = key;
      } else {
        throw new IllegalArgumentException(
            "unknown parameter '"
                + key
                + "' (known: "
                + String.join(", ", PARAMETERS.stream().sorted().toList())
                + ", oid.<field>, outlet.<column>)");
      }
      if (target.put(name, value) != null) {
        throw new IllegalArgumentException("parameter '" + key + "' is given twice");
      }
    }
  }

  private static Duration duration(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return DurationStyle.detectAndParse(value.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "timeout must be a duration such as 2s or 500ms, was '" + value + "'", null);
    }
  }

  private static Integer integer(String value, String parameter) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          parameter + " must be a whole number, was '" + value + "'", null);
    }
  }
}
