package dev.argus.contract.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.Topic;
import dev.argus.contract.Topics;
import dev.argus.contract.jsonschema.TopicSamples.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records of every topic, written by the production serdes of {@link Topics}, conform to the
 * committed schemas; and the schemas are strict enough to refuse a record with a field missing, of
 * the wrong type, unknown to the schema, a timestamp that is not one, or a newer schema version.
 */
class SampleRecordsConformTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final TopicSchemaValidator validator = TopicSchemaValidator.committed();

  static Stream<Samples<?>> samples() {
    return TopicSamples.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void recordsWrittenByTheProductionSerdeConform(Samples<?> samples) {
    for (Object value : samples.values()) {
      byte[] json = write(samples.topic(), value);

      assertThat(validator.violations(samples.topic().name(), json))
          .as("%s", new String(json, java.nio.charset.StandardCharsets.UTF_8))
          .isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void aRecordWithoutAFieldOrWithAFieldOfTheWrongTypeIsRefused(Samples<?> samples) {
    String topic = samples.topic().name();
    ObjectNode record = (ObjectNode) JSON.readTree(write(samples.topic(), samples.values().get(0)));
    List<String> accepted = new ArrayList<>();
    for (String field : record.propertyNames()) {
      ObjectNode missing = record.deepCopy();
      missing.remove(field);
      if (validator.violations(topic, JSON.writeValueAsBytes(missing)).isEmpty()) {
        accepted.add("without " + field);
      }
      ObjectNode wrongType = record.deepCopy();
      wrongType.putArray(field).addArray();
      if (validator.violations(topic, JSON.writeValueAsBytes(wrongType)).isEmpty()) {
        accepted.add(field + " = [[]]");
      }
    }

    assertThat(accepted).as("broken records of %s the schema accepted", topic).isEmpty();
  }

  @Test
  void aFieldTheSchemaDoesNotNameIsRefused() {
    ObjectNode reading = powerReading();
    reading.put("battery_health", "good");

    assertThat(violations(reading)).singleElement().asString().contains("battery_health");
  }

  @Test
  void aNewerSchemaVersionIsRefused() {
    ObjectNode reading = powerReading();
    reading.put("schema_version", 2);

    assertThat(violations(reading)).singleElement().asString().contains("schema_version");
  }

  @Test
  void aTimestampThatIsNoDateTimeIsRefused() {
    ObjectNode reading = powerReading();
    reading.put("timestamp", "yesterday");

    assertThat(violations(reading)).singleElement().asString().contains("timestamp");
  }

  @Test
  void aNullWhereTheRecordRequiresAValueIsRefused() {
    ObjectNode reading = powerReading();
    reading.putNull("device_id");

    assertThat(violations(reading)).singleElement().asString().contains("device_id");
  }

  @Test
  void aConfigEntryHoldingTwoThingsIsRefused() {
    Samples<?> samples = TopicSamples.of(Topics.CONFIG.name()).orElseThrow();
    ObjectNode entry = (ObjectNode) JSON.readTree(write(samples.topic(), samples.values().get(0)));
    ObjectNode runtime =
        (ObjectNode) JSON.readTree(write(samples.topic(), runtimeEntry(samples))).path("runtime");
    entry.set("runtime", runtime);

    assertThat(validator.violations(Topics.CONFIG.name(), JSON.writeValueAsBytes(entry)))
        .anySatisfy(violation -> assertThat(violation).contains("only one"));
  }

  private static Object runtimeEntry(Samples<?> samples) {
    return samples.values().stream()
        .filter(v -> ((dev.argus.contract.config.ConfigEntry) v).runtime() != null)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void textThatIsNoJsonIsRefused() {
    assertThat(validator.violations(Topics.READINGS_POWER.name(), "{\"device_id\":".getBytes()))
        .singleElement()
        .asString()
        .startsWith("not JSON");
  }

  private List<String> violations(ObjectNode reading) {
    return validator.violations(Topics.READINGS_POWER.name(), JSON.writeValueAsBytes(reading));
  }

  private static ObjectNode powerReading() {
    Samples<?> samples = TopicSamples.of(Topics.READINGS_POWER.name()).orElseThrow();
    return (ObjectNode) JSON.readTree(write(samples.topic(), samples.values().get(0)));
  }

  @SuppressWarnings("unchecked")
  private static <V> byte[] write(Topic<?, V> topic, Object value) {
    return topic.valueSerde().serializer().serialize(topic.name(), (V) value);
  }
}
