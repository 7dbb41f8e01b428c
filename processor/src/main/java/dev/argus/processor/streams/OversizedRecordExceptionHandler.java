package dev.argus.processor.streams;

import dev.argus.processor.system.DeadLetterSize;
import dev.argus.processor.system.metrics.DeadLetterCount;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Skips an output record too large to send, and handles every other send error as Kafka Streams
 * does by default. Why: a camera event carries its reading's frames, so a reading just under {@code
 * Topics.CAMERA_MAX_MESSAGE_BYTES} can make an event just over it; failing would replace the stream
 * thread, which would meet the same reading again, forever. The reading is dead-lettered (its value
 * cut, {@link DeadLetterSize}) and the topology goes on.
 */
public final class OversizedRecordExceptionHandler extends DefaultProductionExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(OversizedRecordExceptionHandler.class);

  private DeadLetterCount deadLetters = DeadLetterCount.unregistered();
  private String application = "";

  @Override
  public void configure(Map<String, ?> configs) {
    super.configure(configs);
    if (configs.get(DeadLetterCount.CONFIG) instanceof DeadLetterCount count) {
      deadLetters = count;
    }
    application = String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG));
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    Response response = super.handleError(context, record, exception);
    if (exception instanceof RecordTooLargeException) {
      log.warn(
          "Skipping a record for {} too large to send ({} bytes), derived from {}-{}@{}: {}",
          record.topic(),
          record.value() == null ? 0 : record.value().length,
          context.topic(),
          context.partition(),
          context.offset(),
          exception.getMessage());
      deadLetters.add(context.topic(), application, response.deadLetterQueueRecords().size());
      return Response.resume(DeadLetterSize.capped(response.deadLetterQueueRecords()));
    }
    return response.result() == Result.FAIL
        ? Response.fail(DeadLetterSize.capped(response.deadLetterQueueRecords()))
        : response;
  }
}
