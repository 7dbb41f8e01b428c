package dev.argus.api.targets;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules on a target that depend on its type, which Bean Validation on {@link TargetRequest}
 * cannot express: an http target's address is an absolute http(s) URL (an https target's an https
 * URL, since its TLS checks need one), a tcp target's is {@code host:port}, a ping or dns target's
 * a host name or IP address; and no address may point at cloud metadata or another address the
 * collector refuses ({@link TargetAddresses#destinationProblem}).
 */
final class TargetRules {

  static final String TYPES = "http, https, tcp, ping, dns";

  /** RFC 1123 host names (which include dotted IPv4 addresses), optionally fully qualified. */
  private static final Pattern HOST_NAME =
      Pattern.compile(
          "(?=.{1,253}\\.?$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");

  /** A loose IPv6 literal; the probe resolves it, this only keeps obvious garbage out. */
  private static final Pattern IPV6 =
      Pattern.compile("[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f.]{0,15}){2,8}");

  private TargetRules() {}

  /** Everything wrong with a request that passed Bean Validation; empty when it is fine. */
  static List<String> problems(TargetRequest request) {
    List<String> problems = new ArrayList<>();
    addressProblem(request.type(), request.address())
        .or(() -> TargetAddresses.destinationProblem(request.type(), request.address()))
        .ifPresent(problems::add);
    if (request.timeoutSeconds() > request.checkIntervalSeconds()) {
      problems.add(
          "timeout_seconds ("
              + request.timeoutSeconds()
              + ") must not exceed"
              + " check_interval_seconds ("
              + request.checkIntervalSeconds()
              + ")");
    }
    return problems;
  }

  static Optional<String> addressProblem(String type, String address) {
    return switch (type) {
      case "http", "https" -> urlProblem(type, address);
      case "tcp" -> hostPortProblem(address);
      case "ping", "dns" ->
          isHost(address)
              ? Optional.empty()
              : Optional.of(
                  "address of a "
                      + type
                      + " target must be a host name or IP address,"
                      + " e.g. example.com, got '"
                      + address
                      + "'");
      default -> Optional.empty();
    };
  }

  private static Optional<String> urlProblem(String type, String address) {
    String example = type + "://example.com/health";
    URI uri;
    try {
      uri = new URI(address);
    } catch (URISyntaxException e) {
      return Optional.of(
          "address of an "
              + type
              + " target must be an absolute URL like "
              + example
              + ", got '"
              + address
              + "'");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean schemeFits =
        type.equals("https")
            ? scheme.equals("https")
            : scheme.equals("http") || scheme.equals("https");
    if (!uri.isAbsolute() || !schemeFits || uri.getHost() == null) {
      return Optional.of(
          "address of an "
              + type
              + " target must be an absolute "
              + (type.equals("https") ? "https" : "http(s)")
              + " URL like "
              + example
              + ", got '"
              + address
              + "'");
    }
    return Optional.empty();
  }

  private static Optional<String> hostPortProblem(String address) {
    int colon = address.lastIndexOf(':');
    String problem =
        "address of a tcp target must be host:port with a port from 1 to 65535, e.g."
            + " db.example.com:5432 or [::1]:22, got '"
            + address
            + "'";
    if (colon <= 0 || colon == address.length() - 1) {
      return Optional.of(problem);
    }
    String host = address.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
      if (!IPV6.matcher(host).matches()) {
        return Optional.of(problem);
      }
    } else if (!HOST_NAME.matcher(host).matches()) {
      return Optional.of(problem);
    }
    String port = address.substring(colon + 1);
    if (!port.chars().allMatch(Character::isDigit) || port.length() > 5) {
      return Optional.of(problem);
    }
    int number = Integer.parseInt(port);
    return number >= 1 && number <= 65_535 ? Optional.empty() : Optional.of(problem);
  }

  private static boolean isHost(String address) {
    return HOST_NAME.matcher(address).matches() || IPV6.matcher(address).matches();
  }
}
