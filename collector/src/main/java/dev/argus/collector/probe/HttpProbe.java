package dev.argus.collector.probe;

import dev.argus.contract.config.TargetConfig;
import dev.argus.contract.net.OutboundAddressGuard;
import dev.argus.contract.net.UnsafeDestinationException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * An http/https check: a GET that is up when the status is expected (default 200-399), the keyword
 * (if any) is in the first {@code maxBodyBytes} of the body and, for https, the server certificate
 * does not expire within {@code cert_expiry_warning_days}.
 *
 * <p>Redirects (301, 302, 303, 307, 308; not from https to http) are followed here rather than by
 * the HTTP client, at most {@value #MAX_REDIRECTS}, so that every hop's host is judged by the
 * {@link OutboundAddressGuard} before it is connected to: a redirect to cloud metadata or another
 * refused address fails the check and is never requested. The client resolves the name once more
 * when it connects, so a DNS answer that changes within that moment (DNS rebinding) is not covered;
 * tcp and ping probes connect to the very address that was checked.
 *
 * <p>One {@link HttpClient} per TLS policy (two), shared by all targets: a client owns a selector
 * thread and a connection pool, far too much to create per probe.
 */
final class HttpProbe implements Probe {

  /** As many as the JDK client follows by default. */
  static final int MAX_REDIRECTS = 5;

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final SSLContext verifyingContext;
  private final int maxBodyBytes;
  private final Clock clock;
  private final Map<Boolean, HttpClient> clients = new ConcurrentHashMap<>();

  /**
   * @param verifyingContext the TLS context of targets that verify certificates, normally {@link
   *     SSLContext#getDefault()} (the JDK's trust store)
   */
  HttpProbe(SSLContext verifyingContext, int maxBodyBytes, Clock clock) {
    this.verifyingContext = verifyingContext;
    this.maxBodyBytes = maxBodyBytes;
    this.clock = clock;
  }

  @Override
  public ProbeOutcome check(TargetConfig target, Duration timeout) throws InterruptedException {
    URI uri = uri(target);
    HttpClient client = client(!Boolean.FALSE.equals(target.verifyTls()));
    boolean followRedirects = !Boolean.FALSE.equals(target.followRedirects());
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    String field = "address";
    for (int redirects = 0; ; redirects++) {
      String refusal = refusal(field, uri);
      if (refusal != null) {
        return ProbeOutcome.down(ProbeOutcome.millisSince(start), refusal);
      }
      long leftNanos = deadline - System.nanoTime();
      if (leftNanos <= 0) {
        return ProbeOutcome.down(
            ProbeOutcome.millisSince(start),
            "no complete answer within " + timeout.toMillis() + " ms from " + shown(uri));
      }
      HttpResponse<byte[]> response;
      try {
        response = exchange(client, uri, Duration.ofNanos(leftNanos));
      } catch (TimeoutException e) {
        return ProbeOutcome.down(
            ProbeOutcome.millisSince(start),
            "no complete answer within " + timeout.toMillis() + " ms from " + shown(uri));
      } catch (ExecutionException e) {
        return ProbeOutcome.down(
            ProbeOutcome.millisSince(start), failure(e.getCause(), uri, timeout));
      }
      URI next = followRedirects ? redirectTarget(uri, response) : null;
      if (next == null) {
        double millis = ProbeOutcome.millisSince(start);
        Instant certExpiresAt = certificateExpiry(response.sslSession());
        String error = verdict(target, response, certExpiresAt);
        return new ProbeOutcome(error == null, millis, response.statusCode(), error, certExpiresAt);
      }
      if (redirects == MAX_REDIRECTS) {
        return new ProbeOutcome(
            false,
            ProbeOutcome.millisSince(start),
            response.statusCode(),
            "more than " + MAX_REDIRECTS + " redirects; the last one to " + shown(next),
            null);
      }
      field = "redirect to " + shown(next);
      uri = next;
    }
  }

  /** One GET, the whole answer within {@code timeout}. */
  private HttpResponse<byte[]> exchange(HttpClient client, URI uri, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .GET()
            .timeout(timeout)
            .header("User-Agent", "argus-collector")
            .build();
    CompletableFuture<HttpResponse<byte[]>> exchange =
        client.sendAsync(request, info -> new BoundedBodySubscriber(maxBodyBytes));
    try {
      // The request timeout bounds the wait for the headers only; this bounds the body too.
      return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | InterruptedException e) {
      exchange.cancel(true);
      throw e;
    }
  }

  /** The URL for an error message: without credentials, which results must not carry. */
  private static String shown(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri.toString();
    }
    String text = uri.toString();
    int at = text.indexOf(uri.getRawUserInfo() + "@");
    return text.substring(0, at) + text.substring(at + uri.getRawUserInfo().length() + 1);
  }

  /** Why {@code uri}'s host may not be connected to, or null when it may. */
  private static String refusal(String field, URI uri) {
    try {
      OutboundAddressGuard.resolve(field, uri.getHost());
      return null;
    } catch (UnknownHostException e) {
      return "cannot resolve " + uri.getHost() + " (unknown host)";
    } catch (UnsafeDestinationException e) {
      return e.getMessage();
    }
  }

  /**
   * Where a redirect leads (a relative Location resolved against {@code from}), or null when the
   * answer is not a redirect to follow: as the JDK client's NORMAL policy, never from https to
   * http, and only to http(s).
   */
  private static URI redirectTarget(URI from, HttpResponse<byte[]> response) {
    if (!REDIRECTS.contains(response.statusCode())) {
      return null;
    }
    Optional<String> location = response.headers().firstValue("Location");
    if (location.isEmpty() || location.get().isBlank()) {
      return null;
    }
    URI next;
    try {
      next = from.resolve(new URI(location.get().strip()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
    String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
    boolean downgrade = scheme.equals("http") && "https".equalsIgnoreCase(from.getScheme());
    return (scheme.equals("http") || scheme.equals("https")) && !downgrade ? next : null;
  }

  private static URI uri(TargetConfig target) {
    String address = target.address() == null ? "" : target.address().trim();
    if (address.isEmpty()) {
      throw new IllegalArgumentException(
          "address is empty; expected a URL such as https://example.com/health");
    }
    // "example.com/health" for an https target means https://example.com/health.
    URI uri = URI.create(address.contains("://") ? address : target.type() + "://" + address);
    if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException(
          "address '" + address + "' is not an http:// or https:// URL");
    }
    return uri;
  }

  /** Why the check failed, or null if it passed. */
  private String verdict(
      TargetConfig target, HttpResponse<byte[]> response, Instant certExpiresAt) {
    int status = response.statusCode();
    List<Integer> expected = target.expectedStatusCodes();
    boolean statusOk =
        expected.isEmpty() ? status >= 200 && status <= 399 : expected.contains(status);
    if (!statusOk) {
      return "HTTP status " + status + ", expected " + (expected.isEmpty() ? "200-399" : expected);
    }
    String keyword = target.keyword();
    if (keyword != null
        && !keyword.isEmpty()
        && !new String(response.body(), StandardCharsets.UTF_8).contains(keyword)) {
      return "keyword '"
          + keyword
          + "' not found in the response body"
          + (response.body().length >= maxBodyBytes
              ? " (first " + maxBodyBytes + " bytes read)"
              : "");
    }
    return certificateWarning(target, certExpiresAt);
  }

  private String certificateWarning(TargetConfig target, Instant certExpiresAt) {
    if (certExpiresAt == null) {
      return null;
    }
    Instant now = clock.instant();
    if (certExpiresAt.isBefore(now)) {
      return "TLS certificate expired at " + certExpiresAt;
    }
    Integer warningDays = target.certExpiryWarningDays();
    if (warningDays != null && certExpiresAt.isBefore(now.plus(Duration.ofDays(warningDays)))) {
      long daysLeft = Duration.between(now, certExpiresAt).toDays();
      return "TLS certificate expires at "
          + certExpiresAt
          + " (in "
          + daysLeft
          + " days), within the warning period of "
          + warningDays
          + " days";
    }
    return null;
  }

  private static Instant certificateExpiry(Optional<SSLSession> session) {
    if (session.isEmpty()) {
      return null;
    }
    try {
      Certificate[] chain = session.get().getPeerCertificates();
      return chain.length > 0 && chain[0] instanceof X509Certificate server
          ? server.getNotAfter().toInstant()
          : null;
    } catch (SSLPeerUnverifiedException e) {
      return null;
    }
  }

  private static String failure(Throwable cause, URI uri, Duration timeout) {
    String endpoint = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    if (cause instanceof HttpConnectTimeoutException) {
      return "connect timed out after " + timeout.toMillis() + " ms to " + endpoint;
    }
    if (cause instanceof HttpTimeoutException) {
      return "no complete answer within " + timeout.toMillis() + " ms from " + shown(uri);
    }
    if (cause instanceof SSLException) {
      return "TLS handshake with "
          + endpoint
          + " failed: "
          + message(cause)
          + " (for a self-signed certificate or one for another host name, set verify_tls=false)";
    }
    if (cause instanceof ConnectException) {
      // The JDK client's ConnectException usually carries no message at all.
      String detail = message(cause);
      return "cannot connect to "
          + endpoint
          + (detail.equals("ConnectException")
              ? " (connection refused or host unreachable)"
              : ": " + detail);
    }
    return "request to " + shown(uri) + " failed: " + message(cause);
  }

  /** The first message along the cause chain: the JDK client's own exceptions often have none. */
  private static String message(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return t.getMessage();
      }
    }
    return error.getClass().getSimpleName();
  }

  private HttpClient client(boolean verifyTls) {
    return clients.computeIfAbsent(
        verifyTls,
        verify ->
            HttpClient.newBuilder()
                .sslContext(verify ? verifyingContext : TrustAllTrustManager.trustingAll())
                // Followed by check(), which judges each hop's address first.
                .followRedirects(HttpClient.Redirect.NEVER)
                // Response handling is short; virtual threads keep it off the platform pool.
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build());
  }
}
