package dev.argus.processor.system;

/**
 * Headers of the records this service sends to {@code argus.deadletter}. The error headers are the
 * names Kafka Streams' own dead-letter queue uses, so the dead letters of the topology and of the
 * sink read alike; {@link #CONSUMER} says which of the two gave up on the record, since both read
 * {@code argus.readings.power} and each dead-letters what it cannot read.
 */
public final class DeadLetterHeaders {

  public static final String TOPIC = "__streams.errors.topic";
  public static final String PARTITION = "__streams.errors.partition";
  public static final String OFFSET = "__streams.errors.offset";
  public static final String EXCEPTION = "__streams.errors.exception";
  public static final String MESSAGE = "__streams.errors.message";
  public static final String CONSUMER = "argus.errors.consumer";

  /**
   * On a dead letter whose value was cut to {@link DeadLetterSize#MAX_VALUE_BYTES}: the original
   * value's size in bytes (a camera record with its frames can be far larger than the dead-letter
   * topic accepts).
   */
  public static final String VALUE_TRUNCATED = "argus.errors.value.truncated";

  private DeadLetterHeaders() {}
}
