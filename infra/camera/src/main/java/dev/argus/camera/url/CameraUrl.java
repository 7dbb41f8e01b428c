package dev.argus.camera.url;

import dev.argus.camera.source.SourceFailure;
import dev.argus.camera.source.SourceFailure.Kind;
import dev.argus.contract.net.OutboundAddressGuard;
import dev.argus.contract.net.UnsafeDestinationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * A camera's URL checked before anything connects to it: a scheme the type speaks, a host, and an
 * address the {@link OutboundAddressGuard} allows (judged again at every connect, since a name may
 * resolve elsewhere by then). It carries the credentials and knows how to hide them: {@link
 * #toString} and {@link #redact} never show a password.
 */
public final class CameraUrl {

  private final URI uri;
  private final String username;
  private final String password;

  private CameraUrl(URI uri, String username, String password) {
    this.uri = uri;
    this.username = username;
    this.password = password;
  }

  /**
   * @param schemes the schemes the camera type speaks, e.g. {@code rtsp, rtsps}
   * @param username null or blank for none (credentials already in the URL's userinfo stay there)
   * @throws SourceFailure ERROR for a malformed URL, another scheme or a refused address, OFFLINE
   *     when the host does not resolve
   */
  public static CameraUrl check(String url, Set<String> schemes, String username, String password)
      throws SourceFailure {
    if (url == null || url.isBlank()) {
      throw new SourceFailure(Kind.ERROR, "no URL given");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new SourceFailure(Kind.ERROR, "not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!schemes.contains(scheme)) {
      throw new SourceFailure(
          Kind.ERROR,
          "the URL must start with "
              + String.join(":// or ", schemes.stream().sorted().toList())
              + "://");
    }
    if (uri.getHost() == null) {
      throw new SourceFailure(Kind.ERROR, "the URL names no host");
    }
    try {
      OutboundAddressGuard.resolve("url", uri.getHost());
    } catch (UnsafeDestinationException e) {
      throw new SourceFailure(Kind.ERROR, e.getMessage());
    } catch (UnknownHostException e) {
      throw new SourceFailure(Kind.OFFLINE, "unknown host " + uri.getHost());
    }
    boolean given = username != null && !username.isBlank();
    return new CameraUrl(uri, given ? username : null, given ? nullToEmpty(password) : null);
  }

  /**
   * The URL with the credentials in its userinfo, percent-encoded (RTSP clients read them there).
   */
  public String withUserinfo() {
    if (username == null) {
      return uri.toString();
    }
    String userinfo = encode(username) + ":" + encode(password);
    String rest = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      rest += "?" + uri.getRawQuery();
    }
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    return uri.getScheme() + "://" + userinfo + "@" + uri.getHost() + port + rest;
  }

  /** The URL without credentials of any kind (those of the spec are sent as a header instead). */
  public URI withoutUserinfo() {
    try {
      return new URI(
          uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("a URI that parsed rebuilds", e);
    }
  }

  /** {@code Basic …} for the spec's credentials, or null when it has none. */
  public String basicAuthorization() {
    if (username == null) {
      return null;
    }
    String pair = username + ":" + password;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  public String host() {
    return uri.getHost();
  }

  /**
   * {@code text} with every form of this URL's secrets replaced by {@code ***}: the password as
   * given and percent-encoded, and any userinfo of the URL itself. For decoder output that is kept
   * or shown.
   */
  public String redact(String text) {
    String out = text;
    if (uri.getRawUserInfo() != null) {
      out = out.replace(uri.getRawUserInfo() + "@", "***@");
    }
    if (password != null && !password.isEmpty()) {
      out = out.replace(encode(username) + ":" + encode(password) + "@", "***@");
      out = out.replace(password, "***").replace(encode(password), "***");
    }
    return out;
  }

  @Override
  public String toString() {
    return withoutUserinfo().toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
