package dev.argus.contract.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps Argus from being pointed at addresses that would turn it into a proxy into its own host's
 * secrets (SSRF): cloud metadata services, link-local, the unspecified address, multicast and
 * broadcast. Loopback and private networks stay allowed on purpose: a UPS, a self-hosted ntfy or a
 * service on the LAN is what Argus is for.
 *
 * <p>The api asks it when alert providers, targets, devices and {@code nut_host} are saved; the api
 * again before each alert is sent, and the collector before every probe, redirect hop and NUT/SNMP
 * poll, since a name may resolve elsewhere by then. It judges what the system would connect to: a
 * host is resolved and every address it resolves to is checked, IPv4 addresses inside IPv6 ones
 * ({@code ::ffff:169.254.169.254}) by their IPv4 address, and numeric hosts also as the C library
 * reads them ({@code 2852039166}, {@code 0xa9fea9fe}, see {@link PosixIpv4}).
 */
public final class OutboundAddressGuard {

  /** Names of metadata services that resolve to them only inside their cloud. */
  private static final Set<String> METADATA_NAMES =
      Set.of(
          "metadata.google.internal",
          "metadata.goog",
          "metadata",
          "instance-data",
          "instance-data.ec2.internal",
          "metadata.tencentyun.com");

  /** fd00:ec2::254, AWS's IPv6 instance metadata endpoint. */
  private static final byte[] AWS_METADATA_V6 = {
    (byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54
  };

  /** 64:ff9b::/96, the NAT64 prefix: its last 32 bits are the IPv4 address reached. */
  private static final byte[] NAT64_PREFIX = {
    0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0
  };

  private static final String REFUSED =
      "; Argus does not connect to link-local, cloud metadata, unspecified, multicast or broadcast"
          + " addresses (loopback and LAN addresses are fine)";

  private OutboundAddressGuard() {}

  /**
   * Judges what can be judged when a setting is saved: an address always, a name by the addresses
   * it resolves to now. A name that does not resolve passes: the host may be down or not yet in
   * DNS, and the collector judges it again when it connects.
   *
   * @throws UnsafeDestinationException when {@code host} is, or resolves to, a refused address
   */
  public static void check(String field, String host) {
    try {
      resolve(field, host);
    } catch (UnknownHostException unresolvedForNow) {
      // Judged again at connect time, when it resolves.
    }
  }

  /**
   * The addresses of {@code host}, every one of them allowed; connect to one of these rather than
   * to the name, so the address checked is the address reached.
   *
   * @throws UnsafeDestinationException when {@code host} is, or resolves to, a refused address
   * @throws UnknownHostException when the name does not resolve
   */
  public static List<InetAddress> resolve(String field, String host) throws UnknownHostException {
    if (host == null || host.isBlank()) {
      throw new UnsafeDestinationException(field + " must name a host");
    }
    String bare = bare(host);
    if (METADATA_NAMES.contains(bare)) {
      throw new UnsafeDestinationException(
          field + ": " + host.strip() + " is a cloud metadata service" + REFUSED);
    }
    byte[] posix = PosixIpv4.parse(bare);
    if (posix != null) {
      judge(field, host, InetAddress.getByAddress(posix), "means");
    }
    List<InetAddress> addresses = List.of(InetAddress.getAllByName(bare));
    boolean literal = posix != null || bare.contains(":");
    for (InetAddress address : addresses) {
      judge(field, host, address, literal ? "means" : "resolves to");
    }
    return addresses;
  }

  /** Why an address may not be connected to, or null when it may. */
  public static String forbidden(InetAddress address) {
    InetAddress effective = embeddedIpv4(address);
    if (isMetadata(effective)) {
      return "a cloud metadata address";
    }
    if (effective.isLinkLocalAddress()) {
      return "a link-local address";
    }
    if (effective.isAnyLocalAddress() || address.isAnyLocalAddress()) {
      return "the unspecified address";
    }
    if (effective.isMulticastAddress()) {
      return "a multicast address";
    }
    if (effective instanceof Inet4Address && effective.getAddress()[0] == 0) {
      return "an address in 0.0.0.0/8 (unspecified)";
    }
    if (effective instanceof Inet4Address && isBroadcast(effective.getAddress())) {
      return "the broadcast address";
    }
    return null;
  }

  private static void judge(String field, String host, InetAddress address, String verb) {
    String reason = forbidden(address);
    if (reason == null) {
      return;
    }
    String shown = embeddedIpv4(address).getHostAddress();
    String given = host.strip();
    String what =
        bare(given).equals(shown)
            ? given + " is " + reason
            : given + " " + verb + " " + shown + ", " + reason;
    throw new UnsafeDestinationException(field + ": " + what + REFUSED);
  }

  /** Lower case, without IPv6 brackets or the root's trailing dot. */
  private static String bare(String host) {
    String bare = host.strip().toLowerCase(Locale.ROOT);
    if (bare.startsWith("[") && bare.endsWith("]")) {
      bare = bare.substring(1, bare.length() - 1);
    }
    if (bare.endsWith(".")) {
      bare = bare.substring(0, bare.length() - 1);
    }
    return bare;
  }

  private static boolean isMetadata(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      // 169.254.169.254 (AWS, GCP, Azure, Oracle, ...), named here rather than as just
      // link-local; 100.100.100.200 is Alibaba Cloud's, outside link-local.
      int[] a = {b[0] & 0xff, b[1] & 0xff, b[2] & 0xff, b[3] & 0xff};
      return a[0] == 169 && a[1] == 254 && a[2] == 169 && a[3] == 254
          || a[0] == 100 && a[1] == 100 && a[2] == 100 && a[3] == 200;
    }
    return Arrays.equals(b, AWS_METADATA_V6);
  }

  private static boolean isBroadcast(byte[] b) {
    return (b[0] & b[1] & b[2] & b[3] & 0xff) == 0xff;
  }

  /**
   * The IPv4 address an IPv6 address carries, which is what a dual-stack socket or a NAT64 gateway
   * reaches: IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d} (but not {@code
   * ::} and {@code ::1}) and NAT64 {@code 64:ff9b::a.b.c.d}. Else the address itself.
   */
  private static InetAddress embeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address;
    }
    byte[] b = address.getAddress();
    byte[] prefix = Arrays.copyOf(b, 12);
    boolean mapped =
        Arrays.equals(prefix, 0, 10, new byte[10], 0, 10)
            && b[10] == (byte) 0xff
            && b[11] == (byte) 0xff;
    boolean compatible = Arrays.equals(prefix, new byte[12]) && (b[12] | b[13] | b[14]) != 0;
    boolean nat64 = Arrays.equals(prefix, NAT64_PREFIX);
    if (!mapped && !compatible && !nat64) {
      return address;
    }
    try {
      return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an IPv4 address", e);
    }
  }
}
