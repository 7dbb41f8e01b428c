package dev.argus.api.alerts;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps alert providers from being pointed at addresses that would turn the api into a proxy
 * into its own host's secrets (SSRF): cloud metadata services, link-local, the unspecified
 * address and multicast. Loopback and private networks stay allowed on purpose: a self-hosted
 * ntfy or Gotify on the LAN is the normal case.
 *
 * <p>Checked when the settings are saved and again before every send, since a name may resolve
 * elsewhere by then. The HTTP client resolves the name once more when it connects, so a DNS
 * server that answers differently within that moment is not covered.
 */
final class OutboundAddressGuard {

  private static final Set<String> METADATA_NAMES =
      Set.of("metadata.google.internal", "metadata.goog", "metadata");

  private OutboundAddressGuard() {}

  /** The URI of an http(s) URL that may be called, or an exception saying why not. */
  static URI checkUrl(String field, String url) {
    if (url == null || url.isBlank()) {
      throw new UnsafeDestinationException(field + " is required, e.g. https://ntfy.example.com");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new UnsafeDestinationException(field + " is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new UnsafeDestinationException(field + " must be an http or https URL, got '" + url + "'");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new UnsafeDestinationException(field + " must name a host, got '" + url + "'");
    }
    if (uri.getRawUserInfo() != null) {
      throw new UnsafeDestinationException(
          field + " must not contain credentials; put them in a header or token field");
    }
    checkHost(field, uri.getHost());
    return uri;
  }

  /** Resolves {@code host} and rejects it when any of its addresses is forbidden. */
  static void checkHost(String field, String host) {
    if (host == null || host.isBlank()) {
      throw new UnsafeDestinationException(field + " is required");
    }
    String bare = host.strip().toLowerCase(Locale.ROOT);
    if (bare.startsWith("[") && bare.endsWith("]")) {
      bare = bare.substring(1, bare.length() - 1);
    }
    if (bare.endsWith(".")) {
      bare = bare.substring(0, bare.length() - 1);
    }
    if (METADATA_NAMES.contains(bare)) {
      throw new UnsafeDestinationException(field + " must not point at a cloud metadata service");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(bare);
    } catch (UnknownHostException e) {
      throw new UnsafeDestinationException(field + ": host '" + host + "' does not resolve");
    }
    for (InetAddress address : addresses) {
      String reason = forbidden(address);
      if (reason != null) {
        throw new UnsafeDestinationException(
            field + ": host '" + host + "' resolves to " + address.getHostAddress() + ", " + reason);
      }
    }
  }

  /** Why an address may not be called, or null when it may. */
  static String forbidden(InetAddress address) {
    InetAddress effective = unmapped(address);
    if (isMetadata(effective)) {
      return "a cloud metadata address";
    }
    if (effective.isLinkLocalAddress()) {
      return "a link-local address";
    }
    if (effective.isAnyLocalAddress()) {
      return "the unspecified address";
    }
    if (effective.isMulticastAddress()) {
      return "a multicast address";
    }
    if (effective instanceof Inet4Address && effective.getAddress()[0] == 0) {
      return "an address in 0.0.0.0/8";
    }
    if (effective instanceof Inet4Address && isBroadcast(effective.getAddress())) {
      return "the broadcast address";
    }
    return null;
  }

  private static boolean isMetadata(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      // 169.254.169.254 (AWS, GCP, Azure, ...), named here rather than as just link-local;
      // 100.100.100.200 is Alibaba Cloud's.
      int[] a = {b[0] & 0xff, b[1] & 0xff, b[2] & 0xff, b[3] & 0xff};
      return a[0] == 169 && a[1] == 254 && a[2] == 169 && a[3] == 254
          || a[0] == 100 && a[1] == 100 && a[2] == 100 && a[3] == 200;
    }
    // fd00:ec2::254, AWS's IPv6 instance metadata endpoint.
    byte[] awsV6 = {(byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54};
    return java.util.Arrays.equals(b, awsV6);
  }

  private static boolean isBroadcast(byte[] b) {
    return (b[0] & b[1] & b[2] & b[3] & 0xff) == 0xff;
  }

  /** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d), else the address. */
  private static InetAddress unmapped(InetAddress address) {
    if (address instanceof Inet6Address) {
      byte[] b = address.getAddress();
      boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff;
      for (int i = 0; i < 10 && mapped; i++) {
        mapped = b[i] == 0;
      }
      if (mapped) {
        try {
          return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return address;
  }
}
