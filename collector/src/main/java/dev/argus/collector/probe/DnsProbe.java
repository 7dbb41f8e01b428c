package dev.argus.collector.probe;

import dev.argus.contract.config.TargetConfig;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.InitialDirContext;

/**
 * A DNS check: up when the name has records of the type and, if {@code dns_expected} is set, one of
 * them is that value.
 *
 * <p>A and AAAA go through the system resolver ({@link InetAddress}), as every other program on the
 * host resolves names, {@code /etc/hosts} included; CNAME, MX, TXT and NS, which that resolver does
 * not offer, are asked of the DNS servers through the JDK's JNDI DNS provider.
 */
final class DnsProbe implements Probe {

  private static final Set<String> JNDI_TYPES = Set.of("CNAME", "MX", "TXT", "NS");
  private static final Pattern IP_LITERAL =
      Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final String dnsProviderUrl;

  /**
   * @param dnsProviderUrl the JNDI DNS servers: {@code dns:} for those of {@code /etc/resolv.conf},
   *     or e.g. {@code dns://10.0.0.53}
   */
  DnsProbe(String dnsProviderUrl) {
    this.dnsProviderUrl = dnsProviderUrl;
  }

  @Override
  public ProbeOutcome check(TargetConfig target, Duration timeout) throws InterruptedException {
    String name = target.address() == null ? "" : target.address().trim();
    if (name.isEmpty()) {
      throw new IllegalArgumentException(
          "dns address is empty; expected a name such as example.com");
    }
    String type =
        target.dnsRecordType() == null || target.dnsRecordType().isBlank()
            ? "A"
            : target.dnsRecordType().trim().toUpperCase(Locale.ROOT);
    long start = System.nanoTime();
    List<String> answers;
    try {
      if (type.equals("A") || type.equals("AAAA")) {
        answers = resolveAddresses(name, type, timeout);
      } else if (JNDI_TYPES.contains(type)) {
        answers = query(name, type, timeout);
      } else {
        throw new IllegalArgumentException(
            "dns record type '"
                + target.dnsRecordType()
                + "' is not one of A, AAAA, CNAME, MX, TXT, NS");
      }
    } catch (LookupFailed e) {
      return ProbeOutcome.down(ProbeOutcome.millisSince(start), e.getMessage());
    }
    double millis = ProbeOutcome.millisSince(start);
    if (answers.isEmpty()) {
      return ProbeOutcome.down(millis, "no " + type + " record for " + name);
    }
    String expected = target.dnsExpected();
    if (expected != null
        && !expected.isBlank()
        && answers.stream().noneMatch(a -> matches(a, expected.trim(), type))) {
      return ProbeOutcome.down(
          millis,
          type
              + " answer for "
              + name
              + " "
              + answers
              + " does not contain '"
              + expected.trim()
              + "'");
    }
    return ProbeOutcome.up(millis);
  }

  /**
   * The system resolver has no timeout of its own, so the lookup runs on its own virtual thread and
   * is given up on (left to finish by itself) when the timeout passes.
   */
  private static List<String> resolveAddresses(String name, String type, Duration timeout)
      throws InterruptedException, LookupFailed {
    var lookup = new CompletableFuture<InetAddress[]>();
    Thread.ofVirtual()
        .name("dns-lookup")
        .start(
            () -> {
              try {
                lookup.complete(InetAddress.getAllByName(name));
              } catch (UnknownHostException | RuntimeException e) {
                lookup.completeExceptionally(e);
              }
            });
    InetAddress[] addresses;
    try {
      addresses = lookup.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new LookupFailed("no answer for " + name + " within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownHostException) {
        throw new LookupFailed("cannot resolve " + name + " (unknown host)");
      }
      throw new LookupFailed("cannot resolve " + name + ": " + e.getCause());
    }
    Class<? extends InetAddress> family =
        type.equals("A") ? Inet4Address.class : Inet6Address.class;
    return Arrays.stream(addresses)
        .filter(family::isInstance)
        .map(InetAddress::getHostAddress)
        .toList();
  }

  private List<String> query(String name, String type, Duration timeout) throws LookupFailed {
    var environment = new Hashtable<String, Object>();
    environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
    environment.put(Context.PROVIDER_URL, dnsProviderUrl);
    // The provider waits timeout.initial, then doubles it per retry: one retry stays within ~3x.
    environment.put(
        "com.sun.jndi.dns.timeout.initial", Long.toString(Math.max(1, timeout.toMillis() / 3)));
    environment.put("com.sun.jndi.dns.timeout.retries", "2");
    InitialDirContext context = null;
    try {
      context = new InitialDirContext(environment);
      Attribute records = context.getAttributes(name, new String[] {type}).get(type);
      List<String> answers = new ArrayList<>();
      if (records != null) {
        NamingEnumeration<?> values = records.getAll();
        while (values.hasMore()) {
          answers.add(String.valueOf(values.next()));
        }
      }
      return answers;
    } catch (NameNotFoundException e) {
      throw new LookupFailed("no such name " + name + " (NXDOMAIN)");
    } catch (NamingException e) {
      Throwable root = e.getRootCause();
      String why =
          root instanceof SocketTimeoutException
              ? "no answer from the DNS server within about " + timeout.toMillis() + " ms"
              : e.getExplanation() + (root == null ? "" : " (" + root + ")");
      throw new LookupFailed(type + " lookup of " + name + " failed: " + why);
    } finally {
      if (context != null) {
        try {
          context.close();
        } catch (NamingException ignored) {
          // Closing a DNS context releases nothing that outlives it.
        }
      }
    }
  }

  /**
   * Whether one answer is the expected value: names compare without case and trailing dot, an MX
   * answer ("10 mail.example.com.") matches its host alone too, TXT without its quotes, and IP
   * addresses by value ({@code ::1} equals {@code 0:0:0:0:0:0:0:1}).
   */
  static boolean matches(String answer, String expected, String type) {
    String a = normalize(answer, type);
    String e = normalize(expected, type);
    if (a.equals(e)) {
      return true;
    }
    if (type.equals("MX") && a.contains(" ") && a.substring(a.indexOf(' ') + 1).equals(e)) {
      return true;
    }
    if ((type.equals("A") || type.equals("AAAA")) && IP_LITERAL.matcher(e).matches()) {
      try {
        // Both are literals, so no lookup happens.
        return InetAddress.getByName(a).equals(InetAddress.getByName(e));
      } catch (UnknownHostException ex) {
        return false;
      }
    }
    return false;
  }

  private static String normalize(String value, String type) {
    String v = value.trim();
    if (type.equals("TXT")) {
      return v.replace("\"", "");
    }
    v = v.toLowerCase(Locale.ROOT);
    return v.endsWith(".") ? v.substring(0, v.length() - 1) : v;
  }

  /** A lookup that failed in a way the check reports: NXDOMAIN, no answer, timeout. */
  private static final class LookupFailed extends Exception {
    LookupFailed(String message) {
      super(message);
    }
  }
}
