package dev.argus.camera.snapshot;

import dev.argus.camera.source.SourceFailure;
import dev.argus.camera.source.SourceFailure.Kind;
import dev.argus.camera.source.SourceSpec;
import dev.argus.camera.url.CameraUrl;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * One GET of a camera's still picture and its decoding with {@code javax.imageio}. The camera's
 * answer decides the failure: 401/403/404/5xx and an undecodable body are ERRORs with the status
 * line, a refused connection or a timeout is OFFLINE. Redirects are not followed: the address that
 * was checked is the one reached.
 */
public final class SnapshotClient {

  private static final Set<String> SCHEMES = Set.of("http", "https");
  private static final int MAX_BODY_BYTES = 20 << 20;
  private static final Map<Integer, String> REASONS =
      Map.ofEntries(
          Map.entry(400, "Bad Request"),
          Map.entry(401, "Unauthorized"),
          Map.entry(403, "Forbidden"),
          Map.entry(404, "Not Found"),
          Map.entry(405, "Method Not Allowed"),
          Map.entry(408, "Request Timeout"),
          Map.entry(429, "Too Many Requests"),
          Map.entry(500, "Internal Server Error"),
          Map.entry(501, "Not Implemented"),
          Map.entry(502, "Bad Gateway"),
          Map.entry(503, "Service Unavailable"),
          Map.entry(504, "Gateway Timeout"));

  /** A decoded picture and the format it came in ({@code jpeg}, {@code png}). */
  public record Snapshot(BufferedImage image, String format) {}

  private final HttpClient http;
  private final Duration timeout;

  /**
   * @param http a client that does not follow redirects
   * @param timeout the whole exchange's limit
   */
  public SnapshotClient(HttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  /** A client of its own: connect timeout {@code timeout}, no redirects. */
  public static HttpClient defaultHttpClient(Duration timeout) {
    return HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Checks the spec's URL; see {@link CameraUrl#check}. */
  public static CameraUrl url(SourceSpec spec) throws SourceFailure {
    return CameraUrl.check(spec.url(), SCHEMES, spec.username(), spec.password());
  }

  /**
   * Starts one GET; {@link #decode} reads its answer. Cancelling the future aborts the exchange
   * (how a closed source stops waiting).
   *
   * @throws SourceFailure when the URL's host is refused or no longer resolves
   */
  public CompletableFuture<HttpResponse<InputStream>> send(CameraUrl url) throws SourceFailure {
    CameraUrl.check(url.toString(), SCHEMES, null, null);
    URI target = url.withoutUserinfo();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target).timeout(timeout).header("Accept", "image/jpeg, image/png");
    String authorization = url.basicAuthorization();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  /** Waits for the answer to {@link #send} and decodes it. */
  public Snapshot receive(CompletableFuture<HttpResponse<InputStream>> exchange)
      throws SourceFailure, InterruptedException {
    HttpResponse<InputStream> response;
    try {
      response = exchange.get();
    } catch (ExecutionException e) {
      throw failure(e.getCause());
    } catch (CancellationException e) {
      throw new SourceFailure(Kind.OFFLINE, "closed", e);
    }
    try (InputStream body = response.body()) {
      int status = response.statusCode();
      if (status != 200) {
        throw new SourceFailure(Kind.ERROR, statusLine(status));
      }
      byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new SourceFailure(Kind.ERROR, "the picture is larger than 20 MB");
      }
      return decode(bytes);
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /** One blocking GET and decode. */
  public Snapshot fetch(CameraUrl url) throws SourceFailure, InterruptedException {
    return receive(send(url));
  }

  /** {@code 401 Unauthorized}, {@code 503 Service Unavailable}, {@code HTTP 302}. */
  static String statusLine(int status) {
    String reason = REASONS.get(status);
    if (reason != null) {
      return status + " " + reason;
    }
    return status >= 300 && status < 400
        ? "HTTP " + status + " (a redirect; give the picture's final URL)"
        : "HTTP " + status;
  }

  static Snapshot decode(byte[] bytes) throws SourceFailure {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw notAnImage(null);
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        BufferedImage image = reader.read(0);
        return new Snapshot(image, reader.getFormatName().toLowerCase(Locale.ROOT));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw notAnImage(e);
    }
  }

  private static SourceFailure notAnImage(Exception cause) {
    return new SourceFailure(Kind.ERROR, "not a JPEG/PNG image", cause);
  }

  private static SourceFailure failure(Throwable cause) {
    if (cause instanceof SourceFailure failure) {
      return failure;
    }
    if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
      return new SourceFailure(Kind.OFFLINE, "timeout", cause);
    }
    if (cause instanceof ConnectException) {
      // The JDK client wraps what the socket said; an unresolved name surfaces here too.
      Throwable root = cause.getCause() == null ? cause : cause.getCause();
      if (root instanceof UnresolvedAddressException) {
        return new SourceFailure(Kind.OFFLINE, "unknown host", cause);
      }
      return new SourceFailure(Kind.OFFLINE, "connection refused", cause);
    }
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new SourceFailure(Kind.OFFLINE, "connection lost: " + message, cause);
  }
}
