package dev.argus.contract;

import dev.argus.contract.kafka.KafkaSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the catalog's topics that do not exist yet. Every service calls it at start-up, so the
 * order in which services start does not matter.
 */
public final class TopicProvisioner {

  private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

  // Without a bound, close waits for an unanswered request's own, longer timeout.
  private static final Duration ADMIN_CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final Admin admin;
  private final short replicationFactor;

  public TopicProvisioner(Admin admin, short replicationFactor) {
    this.admin = admin;
    this.replicationFactor = replicationFactor;
  }

  /**
   * Connects to the cluster of {@code settings}, creates the catalog's missing topics ({@link
   * Topics#all()}) with the configured replication factor, and disconnects. Every service and the
   * local stack call this at start-up.
   *
   * @param clientId the Kafka client id, so the broker's log says which service asked
   * @param timeout how long to wait for the cluster to answer each request
   * @throws IllegalStateException when the topics cannot be created, saying which setting to check
   *     so that a wrong address stops start-up with a message a user can act on
   */
  public static void provisionCatalog(KafkaSettings settings, String clientId, Duration timeout) {
    int timeoutMs = (int) Math.max(1_000, timeout.toMillis());
    Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                settings.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG,
                clientId,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                timeoutMs,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                timeoutMs));
    try {
      new TopicProvisioner(admin, settings.replicationFactor()).ensure(Topics.all());
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          "Could not create the Kafka topics at "
              + settings.bootstrapServers()
              + ": check argus.kafka.bootstrap-servers (ARGUS_KAFKA_BOOTSTRAP_SERVERS) and that the"
              + " broker is up",
          e);
    } finally {
      admin.close(ADMIN_CLOSE_TIMEOUT);
    }
  }

  public void ensure(List<Topic<?, ?>> topics) {
    try {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          topics.stream()
              .filter(t -> !existing.contains(t.name()))
              .map(
                  t ->
                      new NewTopic(t.name(), t.partitions(), replicationFactor)
                          .configs(t.configs()))
              .toList();
      if (missing.isEmpty()) {
        return;
      }
      for (var entry : admin.createTopics(missing).values().entrySet()) {
        try {
          entry.getValue().get(30, TimeUnit.SECONDS);
          log.info("Created topic {}", entry.getKey());
        } catch (ExecutionException e) {
          // Another service may have created it between our listing and our request.
          if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
            throw e;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating Kafka topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "Could not create Kafka topics (is the broker reachable?): " + e.getMessage(), e);
    }
  }
}
