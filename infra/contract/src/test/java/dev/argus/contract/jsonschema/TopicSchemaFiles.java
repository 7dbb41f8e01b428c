package dev.argus.contract.jsonschema;

import dev.argus.contract.Topic;
import dev.argus.contract.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the topics' committed contract documents live: {@code docs/contracts/schemas/<topic>.schema
 * .json} and {@code docs/asyncapi.yaml}, found from any module's directory (tests run in their
 * module's).
 */
public final class TopicSchemaFiles {

  private TopicSchemaFiles() {}

  /** The topics whose values have a schema: all but the dead letters, which are raw bytes. */
  public static List<Topic<?, ?>> topicsWithSchemas() {
    return Topics.all().stream().filter(t -> t != Topics.DEAD_LETTER).toList();
  }

  public static String fileName(String topicName) {
    return topicName + ".schema.json";
  }

  public static Path schemaDirectory() {
    return repositoryRoot().resolve("docs/contracts/schemas");
  }

  public static Path schemaFile(String topicName) {
    return schemaDirectory().resolve(fileName(topicName));
  }

  public static Path asyncApiDocument() {
    return repositoryRoot().resolve("docs/asyncapi.yaml");
  }

  /** The checkout's root: the nearest directory up from here with the Maven wrapper and docs/. */
  public static Path repositoryRoot() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "No Argus checkout (a directory with mvnw and docs/) above " + start);
  }
}
