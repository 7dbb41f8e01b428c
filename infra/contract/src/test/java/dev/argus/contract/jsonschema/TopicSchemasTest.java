package dev.argus.contract.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.Topic;
import dev.argus.contract.jsonschema.TopicSamples.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed schemas under {@code docs/contracts/schemas} are what the generator makes of the
 * contract records today: a record changed without its schema (or the other way round) fails here.
 * With {@code -Dargus.contracts.write=true} the test writes the schemas instead of comparing.
 */
class TopicSchemasTest {

  static final String WRITE_PROPERTY = "argus.contracts.write";

  static final String HOW_TO_REGENERATE =
      "Regenerate them with: ./mvnw -B -ntp -o -pl infra/contract -am test"
          + " -Dtest=TopicSchemasTest -Dsurefire.failIfNoSpecifiedTests=false -D"
          + WRITE_PROPERTY
          + "=true (then review the diff and commit docs/contracts/schemas).";

  private final TopicSchemaGenerator generator = new TopicSchemaGenerator(TopicSamples.all());

  @Test
  void everyTopicWithRecordValuesHasSamples() {
    Set<String> sampled =
        TopicSamples.all().stream().map(s -> s.topic().name()).collect(Collectors.toSet());

    assertThat(sampled)
        .as("topics of Topics.all() (but the dead letters) with samples in TopicSamples")
        .containsExactlyInAnyOrderElementsOf(
            TopicSchemaFiles.topicsWithSchemas().stream().map(Topic::name).toList());
  }

  @Test
  void theCommittedSchemasAreWhatTheRecordsGenerate() throws IOException {
    Path directory = TopicSchemaFiles.schemaDirectory();
    boolean write = Boolean.getBoolean(WRITE_PROPERTY);
    if (write) {
      Files.createDirectories(directory);
    }
    List<String> differences = new ArrayList<>();
    List<String> expectedFiles = new ArrayList<>();
    for (Samples<?> samples : TopicSamples.all()) {
      String topic = samples.topic().name();
      Path file = TopicSchemaFiles.schemaFile(topic);
      expectedFiles.add(file.getFileName().toString());
      String generated = generator.schemaText(samples);
      if (write) {
        Files.writeString(file, generated);
      } else if (!Files.isRegularFile(file)) {
        differences.add(file + " is missing");
      } else if (!Files.readString(file).equals(generated)) {
        differences.add(
            file + " differs from what " + samples.valueType().getName() + " generates");
      }
    }
    if (Files.isDirectory(directory)) {
      try (Stream<Path> files = Files.list(directory)) {
        files
            .filter(f -> !expectedFiles.contains(f.getFileName().toString()))
            .forEach(f -> differences.add(f + " is no topic's schema (delete it)"));
      }
    }

    assertThat(differences)
        .as("The topics' JSON Schemas are out of date. " + HOW_TO_REGENERATE)
        .isEmpty();
  }
}
