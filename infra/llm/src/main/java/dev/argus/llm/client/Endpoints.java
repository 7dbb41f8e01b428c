package dev.argus.llm.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Building provider URLs from a base URL the user typed. */
final class Endpoints {

  private Endpoints() {}

  /**
   * A checked base URL: http or https with a host, no query, no trailing slash.
   *
   * @throws IllegalArgumentException naming {@code base_url} and what to give instead
   */
  static String base(String given, ProviderType type) {
    if (given == null || given.isBlank()) {
      throw new IllegalArgumentException(
          "base_url is required for provider type "
              + type.id()
              + ": give the server's address, e.g. http://localhost:8000");
    }
    String base = given.strip();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    URI uri;
    try {
      uri = URI.create(base);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("base_url '" + given + "' is not a URL", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "base_url '" + given + "' must be an http:// or https:// URL with a host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "base_url '" + given + "' must not have a query or fragment");
    }
    return base;
  }

  /**
   * {@code base} + {@code /version} + {@code path}, leaving out the version when the base already
   * ends with it ({@code https://api.openai.com/v1}).
   */
  static URI versioned(String base, String version, String path) {
    String prefix = base.endsWith("/" + version) ? base : base + "/" + version;
    return URI.create(prefix + path);
  }

  /** A model id as one URL path segment (Gemini, Azure): percent-encoded but for unreserved. */
  static String segment(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      boolean unreserved =
          c >= 'a' && c <= 'z'
              || c >= 'A' && c <= 'Z'
              || c >= '0' && c <= '9'
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~';
      if (unreserved) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  static String query(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
