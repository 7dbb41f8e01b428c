package dev.argus.processor.system;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * How the processor's consumers (the Streams application's and the sink lanes') take part in their
 * consumer groups. Why it is set at all: a member that dies without leaving (kill -9, a lost host)
 * keeps its partitions until the broker has heard nothing from it for the session timeout, and with
 * Kafka's default of 45 s the whole pipeline paused that long after a killed processor
 * (docs/RELIABILITY.md). A shorter timeout hands the partitions over sooner.
 *
 * @param sessionTimeout {@code ARGUS_KAFKA_SESSION_TIMEOUT} (default 10 s): how long the broker
 *     waits for a silent member before it gives its partitions to the others; between the broker's
 *     {@code group.min.session.timeout.ms} (6 s by default) and {@code
 *     group.max.session.timeout.ms} (30 min), so 6 s to 30 min here. Heartbeats go every third of
 *     it, as Kafka advises
 * @param instanceId {@code ARGUS_KAFKA_GROUP_INSTANCE_ID}, optional: static membership. An instance
 *     restarted with the same id takes its partitions back at once, without a rebalance and without
 *     waiting for the session timeout. It must differ between every two processors running at the
 *     same time — the broker fences the older of two members with one id — so there is no default
 */
@ConfigurationProperties("argus.kafka.group")
public record GroupMembership(Duration sessionTimeout, String instanceId) {

  public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration MIN_SESSION_TIMEOUT = Duration.ofSeconds(6);
  private static final Duration MAX_SESSION_TIMEOUT = Duration.ofMinutes(30);

  // Kafka appends "-<thread>" for the Streams threads; a client id's characters keep the id
  // readable in the group descriptions and the logs.
  private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");

  @ConstructorBinding
  public GroupMembership {
    sessionTimeout = sessionTimeout == null ? DEFAULT_SESSION_TIMEOUT : sessionTimeout;
    if (sessionTimeout.compareTo(MIN_SESSION_TIMEOUT) < 0
        || sessionTimeout.compareTo(MAX_SESSION_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          "ARGUS_KAFKA_SESSION_TIMEOUT (argus.kafka.group.session-timeout) must be between 6s (the"
              + " broker's group.min.session.timeout.ms) and 30m, was "
              + sessionTimeout);
    }
    instanceId = instanceId == null || instanceId.isBlank() ? null : instanceId.strip();
    if (instanceId != null && !INSTANCE_ID.matcher(instanceId).matches()) {
      throw new IllegalArgumentException(
          "ARGUS_KAFKA_GROUP_INSTANCE_ID (argus.kafka.group.instance-id) must be 1-200 letters,"
              + " digits, '.', '_' or '-', unique per processor instance, or empty for none; was '"
              + instanceId
              + "'");
    }
  }

  /** The default session timeout, no static membership. */
  public static GroupMembership defaults() {
    return new GroupMembership(null, null);
  }

  /** The heartbeat interval: a third of the session timeout, Kafka's advice. */
  public Duration heartbeatInterval() {
    return sessionTimeout.dividedBy(3);
  }

  /**
   * The consumer settings of one group member: session timeout, heartbeat and, when configured,
   * {@code group.instance.id}.
   *
   * @return a new, modifiable map
   */
  public Map<String, Object> consumerSettings() {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
    config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) heartbeatInterval().toMillis());
    if (instanceId != null) {
      config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
    }
    return config;
  }
}
