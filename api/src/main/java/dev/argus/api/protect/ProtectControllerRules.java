package dev.argus.api.protect;

import dev.argus.contract.net.OutboundAddressGuard;
import dev.argus.contract.net.UnsafeDestinationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a controller body must satisfy, as one list of problems (each naming its field and what to
 * send), and the settings it stands for with their defaults. The host passes the outbound address
 * guard, as camera and device hosts do.
 */
final class ProtectControllerRules {

  static final Set<String> FIELDS =
      Set.of("name", "host", "port", "username", "password", "verify_ssl", "enabled", "collector");

  /** The read-only fields of an answer, accepted so that GET-edit-PUT works. */
  static final Set<String> READ_ONLY_FIELDS =
      Set.of("id", "has_password", "status", "created_at", "updated_at");

  static final int DEFAULT_PORT = 443;
  static final int MAX_PASSWORD = 1024;

  /** A name or an address: letters, digits, dots, dashes, colons (IPv6), brackets around one. */
  private static final Pattern HOST = Pattern.compile("\\[?[A-Za-z0-9._:%-]{1,253}]?");

  private static final Pattern COLLECTOR = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private ProtectControllerRules() {}

  static List<String> unknownFields(Iterable<String> names, Set<String> allowed) {
    List<String> problems = new ArrayList<>();
    for (String name : names) {
      if (!allowed.contains(name) && !READ_ONLY_FIELDS.contains(name)) {
        problems.add(
            name
                + " is not a field of a Protect controller; the fields are "
                + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
    return problems;
  }

  /** The checked settings of {@code request}; {@code problems} collects what is wrong. */
  static ProtectControllerSettings settle(
      ProtectControllerRequest request, boolean nameRequired, List<String> problems) {
    String name = blankToNull(request.name());
    if (name == null && nameRequired) {
      problems.add("name is required");
    } else if (name != null && name.length() > 200) {
      problems.add("name must be at most 200 characters");
    }
    String host = host(request.host(), problems);
    int port = request.port() == null ? DEFAULT_PORT : request.port();
    if (port < 1 || port > 65535) {
      problems.add("port must be between 1 and 65535 (the controller's HTTPS port, usually 443)");
    }
    String username = blankToNull(request.username());
    if (username == null) {
      problems.add("username is required: a local user of the controller");
    } else if (username.length() > 256) {
      problems.add("username must be at most 256 characters");
    }
    if (request.password() != null && request.password().length() > MAX_PASSWORD) {
      problems.add("password must be at most " + MAX_PASSWORD + " characters");
    }
    String collector = blankToNull(request.collector());
    if (collector != null && !COLLECTOR.matcher(collector).matches()) {
      problems.add(
          "collector must be 1-64 letters, digits, '.', '_', ':' or '-', got '" + collector + "'");
    }
    return new ProtectControllerSettings(
        name,
        host,
        port,
        username,
        request.verifySsl() != null && request.verifySsl(),
        request.enabled() == null || request.enabled(),
        collector);
  }

  /** A bare host: no scheme, path, port or credentials (those have fields of their own). */
  private static String host(String given, List<String> problems) {
    String host = blankToNull(given);
    if (host == null) {
      problems.add("host is required: the controller's host name or address, e.g. 192.168.1.1");
      return null;
    }
    if (host.contains("://") || host.contains("/") || host.contains("@")) {
      problems.add(
          "host must be a host name or address without scheme, path or credentials (e.g."
              + " 192.168.1.1 or protect.lan), got '"
              + host
              + "'");
      return null;
    }
    if (host.chars().filter(c -> c == ':').count() == 1) {
      problems.add("host must not include the port (send it as port), got '" + host + "'");
      return null;
    }
    if (!HOST.matcher(host).matches()) {
      problems.add(
          "host must be a host name or address (letters, digits, '.', '-', ':'), got '"
              + host
              + "'; the port goes to port");
      return null;
    }
    try {
      OutboundAddressGuard.check("host", host);
    } catch (UnsafeDestinationException e) {
      problems.add(e.getMessage());
      return null;
    }
    return host;
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
