package dev.argus.processor.streams;

import dev.argus.processor.system.DeadLetterSize;
import dev.argus.processor.system.metrics.DeadLetterCount;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Skips a record a rule failed on, so a bug for one odd reading never stops the topology (Kafka
 * Streams' own handler logs it and dead-letters the input record), with the dead letter's value cut
 * to what the dead-letter topic accepts: the input may be a camera reading with its frames.
 */
public final class ContinueProcessingExceptionHandler
    extends LogAndContinueProcessingExceptionHandler {

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
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    Response response = super.handleError(context, record, exception);
    deadLetters.add(context.topic(), application, response.deadLetterQueueRecords().size());
    return Response.resume(DeadLetterSize.capped(response.deadLetterQueueRecords()));
  }
}
