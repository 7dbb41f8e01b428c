package dev.argus.contract.jsonschema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a topic's record values (the JSON bytes on the wire) against the committed schema of
 * the topic, with networknt's validator (draft 2020-12, formats asserted: a timestamp must be a
 * date-time).
 *
 * <p>The committed schemas are open to properties they do not name (readers ignore fields a newer
 * writer adds); this validator closes every object that lists its properties, so that a field Argus
 * writes but the schema does not describe is a violation too. Used by the contract's unit tests and
 * by the stack's {@code ContractsIT} on the records the running services produced.
 *
 * <p>networknt's 2.0 line, on Jackson 2 (the records are only parsed here, so the Jackson that
 * wrote them does not matter): the OpenAPI response validator every api and stack IT runs is built
 * against 2.0, and the 3.0 line (Jackson 3) on the same classpath breaks it.
 */
public final class TopicSchemaValidator {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  private final Path directory;
  private final Map<String, Schema> schemas = new HashMap<>();

  /** Reads the schemas from {@code directory} ({@code <topic>.schema.json}), as they are needed. */
  public TopicSchemaValidator(Path directory) {
    this.directory = directory;
  }

  /** A validator of the schemas committed in this checkout. */
  public static TopicSchemaValidator committed() {
    return new TopicSchemaValidator(TopicSchemaFiles.schemaDirectory());
  }

  /**
   * What is wrong with {@code value} as a record of {@code topic}; empty when it conforms.
   *
   * @throws IllegalArgumentException when {@code topic} has no schema file
   */
  public List<String> violations(String topic, byte[] value) {
    JsonNode instance;
    try {
      instance = JSON.readTree(value);
    } catch (JsonProcessingException e) {
      return List.of("not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return schema(topic).validate(instance).stream()
        .map(error -> where(error.getInstanceLocation().toString()) + ": " + error.getMessage())
        .toList();
  }

  /** A JSON pointer into the record; the record itself is {@code /}. */
  private static String where(String pointer) {
    return pointer.isEmpty() ? "/" : pointer;
  }

  private synchronized Schema schema(String topic) {
    return schemas.computeIfAbsent(topic, this::load);
  }

  private Schema load(String topic) {
    Path file = directory.resolve(TopicSchemaFiles.fileName(topic));
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("No schema for topic " + topic + " at " + file);
    }
    try {
      JsonNode schema = JSON.readTree(Files.readString(file));
      closeObjects(schema);
      return registry.getSchema(schema);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds {@code additionalProperties: false} to every object schema that names its properties (a
   * record's), not to a schema that only constrains some of them (a branch of a {@code oneOf}).
   */
  private static void closeObjects(JsonNode node) {
    if (node instanceof ObjectNode object
        && object.has("properties")
        && object.has("type")
        && !object.has("additionalProperties")) {
      object.put("additionalProperties", false);
    }
    node.forEach(TopicSchemaValidator::closeObjects);
  }
}
