package dev.argus.api.system.health;

import dev.argus.api.system.KafkaClients;
import dev.argus.api.system.health.SystemHealth.Component;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.springframework.beans.factory.DisposableBean;

/**
 * Asks the broker to describe its cluster, within {@code ARGUS_API_HEALTH_BROKER_TIMEOUT}. One
 * admin client serves every check (made at the first, so the api starts without a broker).
 */
@org.springframework.stereotype.Component
class BrokerCheck implements DisposableBean {

  private final KafkaClients kafka;
  private final Duration timeout;
  private Admin admin;

  BrokerCheck(KafkaClients kafka, SystemHealthProperties properties) {
    this.kafka = kafka;
    this.timeout = properties.brokerTimeout();
  }

  Component check() {
    String servers = kafka.settings().bootstrapServers();
    try {
      DescribeClusterResult cluster =
          admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
      Collection<Node> nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new Component(
          SystemHealth.OK, nodes.size() + " broker(s) in cluster " + clusterId + " at " + servers);
    } catch (TimeoutException e) {
      return down("no answer from " + servers + " within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      return down(servers + ": " + e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return down("interrupted while asking " + servers);
    } catch (RuntimeException e) {
      return down(servers + ": " + e.getMessage());
    }
  }

  private static Component down(String detail) {
    return new Component(SystemHealth.DOWN, detail);
  }

  private synchronized Admin admin() {
    if (admin == null) {
      int timeoutMs = (int) timeout.toMillis();
      admin =
          Admin.create(
              Map.of(
                  AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                  kafka.settings().bootstrapServers(),
                  AdminClientConfig.CLIENT_ID_CONFIG,
                  "argus-api-health",
                  AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                  timeoutMs,
                  AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                  timeoutMs));
    }
    return admin;
  }

  @Override
  public synchronized void destroy() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(2));
    }
  }
}
