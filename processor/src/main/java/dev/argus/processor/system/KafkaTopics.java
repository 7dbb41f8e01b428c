package dev.argus.processor.system;

import dev.argus.contract.TopicProvisioner;
import dev.argus.contract.Topics;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates the catalog's topics at start-up. Singletons are initialised before any lifecycle bean
 * starts, so the topology and the sink always find their topics; if the broker cannot be reached
 * the service stops with the provisioner's message instead of running half-connected.
 */
@Component
public class KafkaTopics implements InitializingBean {

  private final ArgusKafkaProperties kafka;

  public KafkaTopics(ArgusKafkaProperties kafka) {
    this.kafka = kafka;
  }

  @Override
  public void afterPropertiesSet() {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG,
                "argus-processor-admin"))) {
      new TopicProvisioner(admin, kafka.replicationFactor()).ensure(Topics.all());
    }
  }
}
