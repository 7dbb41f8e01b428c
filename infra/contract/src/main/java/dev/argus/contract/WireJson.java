package dev.argus.contract;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping used on the wire: snake_case names (as the REST API and downstream consumers
 * see them), ISO-8601 timestamps, unknown fields ignored so that older readers accept newer
 * records.
 */
public final class WireJson {

  public static final JsonMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // Records written before a field existed read it as the primitive default.
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private WireJson() {}
}
