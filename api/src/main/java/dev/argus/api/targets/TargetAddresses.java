package dev.argus.api.targets;

import dev.argus.contract.net.OutboundAddressGuard;
import dev.argus.contract.net.UnsafeDestinationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.util.StdConverter;

/**
 * What a target's address may point at, and how its credentials are shown.
 *
 * <p>The host is judged by the {@link OutboundAddressGuard} when the target is saved: a literal
 * address always, a name by what it resolves to now; a name that does not resolve is accepted (a
 * monitor must take a host that is down) and judged by the collector before every probe. A dns
 * target's address is the name asked about, not a host connected to, so it is not judged.
 *
 * <p>An http(s) URL may carry credentials ({@code https://user:password@host/}); the collector
 * needs them, so they are stored, but responses show the password as {@value #MASK}, like every
 * other secret. A PUT or PATCH that sends the masked URL back keeps the stored credentials as long
 * as the URL still names the same user, host and port, so they never go to a host they were not
 * given for.
 */
final class TargetAddresses {

  static final String MASK = "********";

  private TargetAddresses() {}

  /** Why the collector would refuse to connect to the address, or empty when it would not. */
  static Optional<String> destinationProblem(String type, String address) {
    String host =
        switch (type) {
          case "http", "https" -> URI.create(address).getHost();
          case "tcp" -> address.substring(0, address.lastIndexOf(':'));
          case "ping" -> address;
          default -> null;
        };
    if (host == null) {
      return Optional.empty();
    }
    try {
      OutboundAddressGuard.check("address", host);
      return Optional.empty();
    } catch (UnsafeDestinationException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The address with the password (or a lone user-info token) of a URL replaced by the mask. */
  static String masked(String address) {
    URI uri = parsed(address);
    if (uri == null || uri.getRawUserInfo() == null) {
      return address;
    }
    return withUserInfo(address, uri, maskedUserInfo(uri.getRawUserInfo()));
  }

  /**
   * The address to store when {@code given} may be a masked URL sent back: with the stored
   * credentials when it is, and unchanged when it holds no mask.
   *
   * @return empty when {@code given} holds the mask but the stored address has no credentials for
   *     that user, host and port
   */
  static Optional<String> restored(String given, String stored) {
    URI uri = parsed(given);
    if (uri == null || uri.getRawUserInfo() == null || !uri.getRawUserInfo().endsWith(MASK)) {
      return Optional.of(given);
    }
    URI before = stored == null ? null : parsed(stored);
    if (before == null
        || before.getRawUserInfo() == null
        || !maskedUserInfo(before.getRawUserInfo()).equals(uri.getRawUserInfo())
        || !Objects.equals(before.getScheme(), uri.getScheme())
        || !Objects.equals(before.getHost(), uri.getHost())
        || before.getPort() != uri.getPort()) {
      return Optional.empty();
    }
    return Optional.of(withUserInfo(given, uri, before.getRawUserInfo()));
  }

  private static String maskedUserInfo(String userInfo) {
    int colon = userInfo.indexOf(':');
    return colon < 0 ? MASK : userInfo.substring(0, colon + 1) + MASK;
  }

  private static String withUserInfo(String address, URI uri, String userInfo) {
    String authority = uri.getRawAuthority();
    String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
    int start = address.indexOf(authority);
    return address.substring(0, start)
        + userInfo
        + "@"
        + hostPort
        + address.substring(start + authority.length());
  }

  private static URI parsed(String address) {
    if (address == null || !address.contains("://")) {
      return null;
    }
    try {
      URI uri = new URI(address);
      return uri.getRawAuthority() == null ? null : uri;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** Shows a target's address in responses with its password masked. */
  static final class MaskedInResponses extends StdConverter<String, String> {
    @Override
    public String convert(String address) {
      return masked(address);
    }
  }
}
