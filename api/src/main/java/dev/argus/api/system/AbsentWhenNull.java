package dev.argus.api.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import org.springdoc.core.customizers.PropertyCustomizer;

/**
 * Marks the properties that Jackson leaves out rather than writing them as null
 * ({@code @JsonInclude} other than {@code ALWAYS}, e.g. the health answer's {@code detail}) with
 * {@code "x-omitted-when-null": true}, so that {@link ResponseSchemas} does not declare them
 * required. Every other property is always written (the api's {@code default-property-inclusion} is
 * {@code always}). The mark stays in the document, for readers and for any later rebuild of it.
 */
final class AbsentWhenNull implements PropertyCustomizer {

  static final String MARK = "x-omitted-when-null";

  @Override
  public Schema customize(Schema property, AnnotatedType type) {
    if (type.getCtxAnnotations() == null) {
      return property;
    }
    for (Annotation annotation : type.getCtxAnnotations()) {
      if (annotation instanceof JsonInclude include
          && include.value() != JsonInclude.Include.ALWAYS
          && include.value() != JsonInclude.Include.USE_DEFAULTS) {
        property.addExtension(MARK, true);
      }
    }
    return property;
  }
}
