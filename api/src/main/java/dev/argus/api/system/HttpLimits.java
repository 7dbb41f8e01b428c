package dev.argus.api.system;

import dev.argus.contract.settings.Durations;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a client may take to send a request, bound from {@code argus.api.http.*} (see
 * application.yml for the environment variables). Tomcat's own per-read timeouts ({@code
 * server.tomcat.connection-timeout}, {@code keep-alive-timeout}) restart with every byte; these
 * bound the whole request line and headers, and the whole body.
 *
 * @param headerDeadline from the first byte of a request to the end of its headers; the connection
 *     is closed when it is exceeded
 * @param bodyReadTimeout the longest wait for the next bytes of a body (Tomcat's {@code
 *     connectionUploadTimeout})
 * @param bodyDeadline from the start of reading a body to its end; 408 when it is exceeded
 */
@ConfigurationProperties("argus.api.http")
public record HttpLimits(Duration headerDeadline, Duration bodyReadTimeout, Duration bodyDeadline) {

  public HttpLimits {
    Durations.requirePositive(
        headerDeadline, "argus.api.http.header-deadline (ARGUS_API_HEADER_DEADLINE)", "10s");
    Durations.requirePositive(
        bodyReadTimeout, "argus.api.http.body-read-timeout (ARGUS_API_BODY_READ_TIMEOUT)", "10s");
    Durations.requirePositive(
        bodyDeadline, "argus.api.http.body-deadline (ARGUS_API_BODY_DEADLINE)", "10s");
  }
}
