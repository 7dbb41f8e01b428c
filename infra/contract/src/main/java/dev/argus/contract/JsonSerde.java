package dev.argus.contract;

import java.util.function.ToIntFunction;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;

/**
 * JSON serde for the catalog's record types. A value that cannot be read (malformed JSON, a missing
 * required field, a value that breaks a record's invariants) raises {@link SerializationException},
 * which consumers count and dead-letter instead of crashing on.
 *
 * <p>A versioned record ({@link #versioned}) of a {@code schema_version} newer than the reader
 * knows is refused the same way: unknown fields are ignored so that an older reader accepts a newer
 * record with more fields, but a new version number says the shape changed in a way such a reader
 * would misread (a field renamed, a meaning changed), so it is set aside with that reason rather
 * than read wrongly.
 */
public final class JsonSerde<T> implements Serde<T> {

  private final Class<T> type;
  private final ToIntFunction<T> schemaVersion;
  private final int newestKnown;

  private JsonSerde(Class<T> type, ToIntFunction<T> schemaVersion, int newestKnown) {
    this.type = type;
    this.schemaVersion = schemaVersion;
    this.newestKnown = newestKnown;
  }

  public static <T> JsonSerde<T> of(Class<T> type) {
    return new JsonSerde<>(type, value -> 0, Integer.MAX_VALUE);
  }

  /**
   * A serde that refuses a record whose {@code schema_version} is newer than {@code newestKnown},
   * the version this build writes.
   */
  public static <T> JsonSerde<T> versioned(
      Class<T> type, ToIntFunction<T> schemaVersion, int newestKnown) {
    return new JsonSerde<>(type, schemaVersion, newestKnown);
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
    T value;
    try {
      value = WireJson.MAPPER.readValue(bytes, type);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new SerializationException(
          "Malformed " + type.getSimpleName() + " on " + topic + ": " + rootMessage(e), e);
    }
    int version = value == null ? 0 : schemaVersion.applyAsInt(value);
    if (version > newestKnown) {
      throw new SerializationException(
          "Unknown schema_version "
              + version
              + " of "
              + type.getSimpleName()
              + " on "
              + topic
              + ": this reader knows versions up to "
              + newestKnown
              + "; upgrade it to read this record");
    }
    return value;
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
