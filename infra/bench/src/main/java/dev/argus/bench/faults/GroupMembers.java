package dev.argus.bench.faults;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;

/**
 * The member ids of a consumer group, as the broker's group coordinator sees them: when a killed
 * process's member leaves the group tells how long the group waited for it.
 */
final class GroupMembers implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final Admin admin;
  private final String group;

  GroupMembers(String bootstrap, String group) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    this.admin = Admin.create(props);
    this.group = group;
  }

  /** The members now; empty when the broker does not answer in time. */
  Set<String> now() {
    try {
      return admin
          .describeConsumerGroups(List.of(group))
          .all()
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          .get(group)
          .members()
          .stream()
          .map(MemberDescription::consumerId)
          .collect(Collectors.toSet());
    } catch (Exception unavailable) {
      return Set.of();
    }
  }

  @Override
  public void close() {
    admin.close(TIMEOUT);
  }
}
