package dev.argus.api.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Makes the response schemas say exactly what the api writes. Jackson writes every property of a
 * response record, null included, so each property of a schema that only answers use is declared
 * {@code required} (except the few left out when null, see {@link AbsentWhenNull}); which of them
 * may be null is declared on the records with {@code @Schema(nullable = true)}. Schemas that are
 * also request bodies keep their own required list, since a request may leave fields out.
 *
 * <p>springdoc writes a nullable object property as {@code {"$ref": ..., "type": "null"}}, which in
 * OpenAPI 3.1 admits nothing (both would have to hold); it becomes {@code oneOf} the reference and
 * {@code null}.
 */
final class ResponseSchemas implements OpenApiCustomizer {

  private static final String REF_PREFIX = "#/components/schemas/";

  @Override
  public void customise(OpenAPI api) {
    if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
      return;
    }
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    Set<String> requestSchemas = requestSchemas(api, schemas);
    schemas.forEach(
        (name, schema) -> {
          for (Schema<?> part : withInlineParts(schema)) {
            if (part.getProperties() == null) {
              continue;
            }
            part.getProperties().replaceAll((property, value) -> nullableReference(value));
            if (!requestSchemas.contains(name)) {
              requireAll(part);
            }
          }
        });
  }

  /** Every property except those Jackson leaves out when null. */
  private static void requireAll(Schema<?> schema) {
    List<String> required = new ArrayList<>();
    schema
        .getProperties()
        .forEach(
            (name, property) -> {
              boolean absentWhenNull =
                  property.getExtensions() != null
                      && property.getExtensions().containsKey(AbsentWhenNull.MARK);
              if (!absentWhenNull) {
                required.add(name);
              }
            });
    schema.setRequired(required.isEmpty() ? null : required);
  }

  private static Schema nullableReference(Schema property) {
    boolean nullable =
        "null".equals(property.getType())
            || property.getTypes() != null && property.getTypes().contains("null");
    if (property.get$ref() == null || !nullable) {
      return property;
    }
    Schema<?> either =
        new JsonSchema()
            .oneOf(
                List.of(
                    new JsonSchema().$ref(property.get$ref()),
                    new JsonSchema().types(Set.of("null"))));
    either.setDescription(property.getDescription());
    either.setExtensions(property.getExtensions());
    return either;
  }

  /** The schema itself and the inline members of its {@code allOf} (a subtype's own fields). */
  private static List<Schema<?>> withInlineParts(Schema<?> schema) {
    List<Schema<?>> parts = new ArrayList<>(List.of(schema));
    if (schema.getAllOf() != null) {
      schema.getAllOf().stream().filter(part -> part.get$ref() == null).forEach(parts::add);
    }
    return parts;
  }

  /** The component schemas reachable from any request body. */
  private static Set<String> requestSchemas(OpenAPI api, Map<String, Schema> schemas) {
    Set<String> reached = new HashSet<>();
    api.getPaths()
        .values()
        .forEach(
            item ->
                item.readOperations().stream()
                    .filter(operation -> operation.getRequestBody() != null)
                    .filter(operation -> operation.getRequestBody().getContent() != null)
                    .flatMap(operation -> operation.getRequestBody().getContent().values().stream())
                    .forEach(media -> reach(media.getSchema(), schemas, reached)));
    return reached;
  }

  private static void reach(Schema<?> schema, Map<String, Schema> schemas, Set<String> reached) {
    if (schema == null) {
      return;
    }
    if (schema.get$ref() != null) {
      String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
      if (schema.get$ref().startsWith(REF_PREFIX) && reached.add(name)) {
        reach(schemas.get(name), schemas, reached);
      }
      return;
    }
    List<Schema> parts = new ArrayList<>();
    if (schema.getProperties() != null) {
      parts.addAll(schema.getProperties().values());
    }
    parts.add(schema.getItems());
    parts.add(schema.getNot());
    if (schema.getAdditionalProperties() instanceof Schema<?> values) {
      parts.add(values);
    }
    Stream.of(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())
        .filter(Objects::nonNull)
        .forEach(parts::addAll);
    parts.stream().filter(Objects::nonNull).forEach(part -> reach(part, schemas, reached));
  }
}
