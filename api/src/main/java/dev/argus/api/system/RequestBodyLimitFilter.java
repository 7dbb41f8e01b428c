package dev.argus.api.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies over {@value #MAX_BYTES} bytes (an image upload: {@link UploadLimits})
 * with 413, as the power seed says: at once when the declared {@code Content-Length} is too large,
 * and while reading when a body without one (chunked) grows past the limit, so a client cannot
 * stream an unbounded body into the api. Likewise a body still arriving after the body deadline
 * ({@link HttpLimits#bodyDeadline()}) is answered 408, so a client cannot trickle one in a byte at
 * a time for ever.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

  static final long MAX_BYTES = 1024 * 1024;
  static final String DETAIL = "Request body exceeds 1 MB";

  private final Duration deadline;
  private final JsonMapper json;

  RequestBodyLimitFilter(Duration deadline, JsonMapper json) {
    this.deadline = deadline;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = UploadLimits.maxBodyBytes(request);
    if (request.getContentLengthLong() > limit) {
      // Through ErrorBody, so the camera seed's routes get their status_code here too.
      ErrorBody.write(request, response, 413, detail(limit), json);
      return;
    }
    chain.doFilter(
        new Limited(request, limit, System.nanoTime() + deadline.toNanos(), deadline), response);
  }

  private static String detail(long limit) {
    return limit == MAX_BYTES ? DETAIL : "Request body exceeds " + limit / (1024 * 1024) + " MB";
  }

  /** Thrown while reading a body that outgrew the limit; answered with 413. */
  static final class BodyTooLargeException extends IOException {
    BodyTooLargeException(long limit) {
      super(detail(limit));
    }
  }

  /** Thrown while reading a body that is still arriving after the deadline; answered with 408. */
  static final class BodyTooSlowException extends IOException {
    BodyTooSlowException(Duration deadline) {
      super("Request body not received within " + deadline.toSeconds() + " s; send it at once");
    }
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private final long deadlineNanos;
    private final Duration deadline;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit, long deadlineNanos, Duration deadline) {
      super(request);
      this.limit = limit;
      this.deadlineNanos = deadlineNanos;
      this.deadline = deadline;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream(), limit, deadlineNanos, deadline);
      }
      return stream;
    }
  }

  private static final class CountingStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private final long deadlineNanos;
    private final Duration deadline;
    private long read;

    CountingStream(ServletInputStream in, long limit, long deadlineNanos, Duration deadline) {
      this.in = in;
      this.limit = limit;
      this.deadlineNanos = deadlineNanos;
      this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > limit) {
        throw new BodyTooLargeException(limit);
      }
      // Checked after each read: a read blocks at most body-read-timeout, so a body takes at most
      // the deadline plus that timeout.
      if (System.nanoTime() - deadlineNanos > 0) {
        throw new BodyTooSlowException(deadline);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
