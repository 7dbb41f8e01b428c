package dev.argus.api.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Writes each subtype of a polymorphic body (the alert providers) as one flat object schema instead
 * of springdoc's {@code allOf} of the parent and its own fields, with the discriminator property
 * fixed to the subtype's name ({@code "type": {"enum": ["webhook"]}}) from the parent's
 * discriminator mapping. A flat schema can say that nothing else is in the object, which an {@code
 * allOf} part cannot (each part would refuse the other's fields), and the fixed name makes the
 * {@code oneOf} of the subtypes pick exactly one.
 */
final class FlatSubtypes implements OpenApiCustomizer {

  @Override
  public void customise(OpenAPI api) {
    if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
      return;
    }
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    schemas.forEach(
        (name, schema) -> {
          Schema<?> parent = parentOf(schema, schemas);
          if (parent != null) {
            flatten(name, schema, parent);
          }
        });
  }

  /** The discriminating parent of an {@code allOf} subtype; null for any other schema. */
  private static Schema<?> parentOf(Schema<?> schema, Map<String, Schema> schemas) {
    if (schema.getAllOf() == null) {
      return null;
    }
    for (Schema<?> part : schema.getAllOf()) {
      if (part.get$ref() != null) {
        String name = part.get$ref().substring(part.get$ref().lastIndexOf('/') + 1);
        Schema<?> referenced = schemas.get(name);
        if (referenced != null && referenced.getDiscriminator() != null) {
          return referenced;
        }
      }
    }
    return null;
  }

  private static void flatten(String name, Schema<?> subtype, Schema<?> parent) {
    Map<String, Schema> properties = new LinkedHashMap<>();
    Set<String> required = new LinkedHashSet<>();
    collect(parent, properties, required);
    subtype.getAllOf().stream()
        .filter(part -> part.get$ref() == null)
        .forEach(part -> collect(part, properties, required));
    Discriminator discriminator = parent.getDiscriminator();
    String value = valueOf(name, discriminator);
    if (value != null && properties.get(discriminator.getPropertyName()) != null) {
      Schema<Object> fixed = new Schema<>();
      fixed.setTypes(Set.of("string"));
      fixed.setType("string");
      fixed.setEnum(new ArrayList<>(List.of(value)));
      properties.put(discriminator.getPropertyName(), fixed);
    }
    subtype.setAllOf(null);
    subtype.setType("object");
    subtype.setTypes(Set.of("object"));
    subtype.setProperties(properties);
    subtype.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
  }

  private static void collect(
      Schema<?> part, Map<String, Schema> properties, Set<String> required) {
    if (part.getProperties() != null) {
      properties.putAll(part.getProperties());
    }
    if (part.getRequired() != null) {
      required.addAll(part.getRequired());
    }
  }

  /** The discriminator value mapped to the schema {@code name}, e.g. {@code webhook}. */
  private static String valueOf(String name, Discriminator discriminator) {
    if (discriminator.getMapping() == null) {
      return null;
    }
    return discriminator.getMapping().entrySet().stream()
        .filter(mapping -> mapping.getValue().endsWith("/" + name))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }
}
