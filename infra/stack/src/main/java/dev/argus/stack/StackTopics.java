package dev.argus.stack;

import dev.argus.contract.TopicProvisioner;
import dev.argus.contract.Topics;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Creates every topic of the catalog on the stack's single broker before the services start, so
 * that none of them races another to create one.
 */
final class StackTopics {

  private StackTopics() {}

  /** Creates the topics of {@link Topics#all()} that do not exist yet, with one replica each. */
  static void createAll(String bootstrap) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(props)) {
      new TopicProvisioner(admin, (short) 1).ensure(Topics.all());
    }
  }
}
