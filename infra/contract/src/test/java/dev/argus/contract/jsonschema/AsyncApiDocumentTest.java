package dev.argus.contract.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.Topic;
import dev.argus.contract.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code docs/asyncapi.yaml} describes the topic catalog as it is: every topic of {@link
 * Topics#all()} and nothing else, with the catalog's partitions, cleanup policy, retention and
 * record size; each value schema it references is the committed one; and every topic has a producer
 * and a consumer.
 */
class AsyncApiDocumentTest {

  private static final JsonNode DOCUMENT =
      YAMLMapper.builder().build().readTree(TopicSchemaFiles.asyncApiDocument().toFile());

  private static final Map<String, Topic<?, ?>> CATALOG =
      Topics.all().stream().collect(Collectors.toMap(Topic::name, Function.identity()));

  @Test
  void itIsAnAsyncApi3Document() {
    assertThat(DOCUMENT.path("asyncapi").asString()).startsWith("3.");
  }

  @Test
  void everyTopicOfTheCatalogIsAChannelAndNothingElseIs() {
    assertThat(channelsByTopic().keySet()).containsExactlyInAnyOrderElementsOf(CATALOG.keySet());
  }

  @Test
  void partitionsAndTopicConfigurationAreTheCatalogs() {
    List<String> differences = new ArrayList<>();
    channelsByTopic()
        .forEach(
            (name, channel) -> {
              Topic<?, ?> topic = CATALOG.get(name);
              if (topic == null) {
                return;
              }
              JsonNode kafka = channel.path("bindings").path("kafka");
              JsonNode configuration = kafka.path("topicConfiguration");
              String documented =
                  describe(
                      kafka.path("topic").asString(),
                      kafka.path("partitions").asInt(),
                      configuration.path(TopicConfig.CLEANUP_POLICY_CONFIG).path(0).asString(),
                      configuration.path(TopicConfig.RETENTION_MS_CONFIG).asString(null),
                      configuration.path(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).asString(null));
              String cataloged =
                  describe(
                      name,
                      topic.partitions(),
                      topic.configs().get(TopicConfig.CLEANUP_POLICY_CONFIG),
                      topic.configs().get(TopicConfig.RETENTION_MS_CONFIG),
                      topic.configs().get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG));
              if (!documented.equals(cataloged)) {
                differences.add(
                    "docs/asyncapi.yaml says " + documented + "; Topics says " + cataloged);
              }
            });

    assertThat(differences).isEmpty();
  }

  @Test
  void everyValueSchemaIsTheCommittedSchemaOfItsTopic() {
    Path docs = TopicSchemaFiles.asyncApiDocument().getParent();
    List<String> wrong = new ArrayList<>();
    for (Topic<?, ?> topic : TopicSchemaFiles.topicsWithSchemas()) {
      JsonNode channel = channelsByTopic().get(topic.name());
      if (channel == null) {
        continue; // reported by everyTopicOfTheCatalogIsAChannelAndNothingElseIs
      }
      List<String> refs = new ArrayList<>();
      for (JsonNode message : channel.path("messages").values()) {
        refs.add(resolve(message).path("payload").path("$ref").asString(""));
      }
      Path expected = TopicSchemaFiles.schemaFile(topic.name());
      boolean ok =
          refs.size() == 1
              && docs.resolve(refs.get(0)).normalize().equals(expected.normalize())
              && Files.isRegularFile(expected);
      if (!ok) {
        wrong.add(topic.name() + " references " + refs + ", not " + docs.relativize(expected));
      }
    }

    assertThat(wrong).isEmpty();
  }

  @Test
  void everyTopicHasAProducerAndAConsumer() {
    Map<String, Set<String>> actionsByChannel = new TreeMap<>();
    for (JsonNode operation : DOCUMENT.path("operations").values()) {
      String channel = operation.path("channel").path("$ref").asString("");
      actionsByChannel
          .computeIfAbsent(channel.substring(channel.lastIndexOf('/') + 1), c -> new HashSet<>())
          .add(operation.path("action").asString());
    }
    List<String> incomplete = new ArrayList<>();
    DOCUMENT
        .path("channels")
        .properties()
        .forEach(
            channel -> {
              Set<String> actions = actionsByChannel.getOrDefault(channel.getKey(), Set.of());
              if (!actions.containsAll(Set.of("send", "receive"))) {
                incomplete.add(channel.getKey() + " has only " + actions);
              }
            });

    assertThat(incomplete).isEmpty();
  }

  private static Map<String, JsonNode> channelsByTopic() {
    Map<String, JsonNode> channels = new TreeMap<>();
    DOCUMENT
        .path("channels")
        .properties()
        .forEach(
            channel ->
                channels.put(channel.getValue().path("address").asString(), channel.getValue()));
    return channels;
  }

  /** A message, or the one its local {@code $ref} ({@code #/components/messages/x}) names. */
  private static JsonNode resolve(JsonNode message) {
    String ref = message.path("$ref").asString("");
    return ref.startsWith("#/") ? DOCUMENT.at(ref.substring(1)) : message;
  }

  private static String describe(
      String name, int partitions, String cleanup, String retentionMs, String maxBytes) {
    return "topic "
        + name
        + ", "
        + partitions
        + " partitions, cleanup "
        + cleanup
        + ", retention.ms "
        + retentionMs
        + ", max.message.bytes "
        + maxBytes;
  }
}
