package dev.argus.api.live;

import dev.argus.contract.settings.Durations;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of {@code WS /ws}, bound from {@code argus.api.live.*}.
 *
 * @param sendQueue {@code ARGUS_API_LIVE_SEND_QUEUE}: messages waiting for one client at most; a
 *     client further behind is disconnected (close code 1008), so it never holds the feed up
 * @param sendTimeout {@code ARGUS_API_LIVE_SEND_TIMEOUT}: the longest one message may take to reach
 *     a client; a client that takes longer is disconnected
 */
@ConfigurationProperties("argus.api.live")
record LiveProperties(int sendQueue, Duration sendTimeout) {

  LiveProperties {
    if (sendQueue < 1 || sendQueue > 100_000) {
      throw new IllegalArgumentException(
          "argus.api.live.send-queue (ARGUS_API_LIVE_SEND_QUEUE) must be between 1 and 100000,"
              + " e.g. 1000; got "
              + sendQueue);
    }
    Durations.requirePositive(
        sendTimeout, "argus.api.live.send-timeout (ARGUS_API_LIVE_SEND_TIMEOUT)", "10s");
  }
}
