package dev.argus.contract;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;

/**
 * JSON serde for the catalog's record types. A value that cannot be read (malformed JSON, a missing
 * required field, a value that breaks a record's invariants) raises {@link SerializationException},
 * which consumers count and dead-letter instead of crashing on.
 */
public final class JsonSerde<T> implements Serde<T> {

  private final Class<T> type;

  private JsonSerde(Class<T> type) {
    this.type = type;
  }

  public static <T> JsonSerde<T> of(Class<T> type) {
    return new JsonSerde<>(type);
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : write(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> bytes == null ? null : read(topic, bytes);
  }

  private byte[] write(T value) {
    try {
      return WireJson.MAPPER.writeValueAsBytes(value);
    } catch (JacksonException e) {
      throw new SerializationException("Cannot write " + type.getSimpleName() + " as JSON", e);
    }
  }

  private T read(String topic, byte[] bytes) {
    try {
      return WireJson.MAPPER.readValue(bytes, type);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new SerializationException(
          "Malformed " + type.getSimpleName() + " on " + topic + ": " + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
