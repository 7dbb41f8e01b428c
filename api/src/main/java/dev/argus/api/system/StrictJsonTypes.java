package dev.argus.api.system;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies must hold the declared JSON types. Jackson's defaults coerce: {@code "false"} to
 * false, {@code "16"} and {@code 10.5} to an int, {@code 1} to true, {@code ""} to null, and any
 * number or boolean to a string. A client that sends those has a bug that would otherwise go
 * unnoticed (and {@code "enabled": "no"} is not what anyone means by true), so each is refused: the
 * binding fails with the field's path and {@link ApiExceptionHandler} answers 422.
 */
final class StrictJsonTypes implements JsonMapperBuilderCustomizer {

  @Override
  public void customize(JsonMapper.Builder builder) {
    // Strings, numbers and booleans are not converted into one another (and "" is not null).
    builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    // ALLOW_COERCION_OF_SCALARS does not cover a scalar bound to a String field.
    builder.withCoercionConfig(
        LogicalType.Textual,
        config ->
            config
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }
}
