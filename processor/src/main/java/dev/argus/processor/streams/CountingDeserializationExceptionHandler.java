package dev.argus.processor.streams;

import dev.argus.processor.system.DeadLetterHeaders;
import dev.argus.processor.system.DeadLetterSize;
import dev.argus.processor.system.metrics.DeadLetterCount;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Skips a record that cannot be read, so one malformed reading never stops the topology. Kafka
 * Streams' own handler logs it and, with {@code errors.dead.letter.queue.topic.name} set, writes
 * the raw record with the error in headers to the dead-letter topic; this one also counts, and
 * names the application in the dead letter, and cuts a large value (a camera reading with its
 * frames) to what the dead-letter topic accepts ({@link DeadLetterSize}).
 *
 * <p>Streams creates the handler by reflection, so the counter is handed over through the
 * configuration under {@link #COUNTER_CONFIG}.
 */
public final class CountingDeserializationExceptionHandler extends LogAndContinueExceptionHandler {

  public static final String COUNTER_CONFIG = "argus.malformed.records.counter";

  private static final Logger log =
      LoggerFactory.getLogger(CountingDeserializationExceptionHandler.class);

  private AtomicLong malformedRecords = new AtomicLong();
  private byte[] applicationId = new byte[0];
  private String application = "";
  private DeadLetterCount deadLetters = DeadLetterCount.unregistered();

  @Override
  public void configure(Map<String, ?> configs) {
    super.configure(configs);
    if (configs.get(COUNTER_CONFIG) instanceof AtomicLong counter) {
      malformedRecords = counter;
    }
    if (configs.get(DeadLetterCount.CONFIG) instanceof DeadLetterCount count) {
      deadLetters = count;
    }
    application = String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG));
    applicationId = application.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    long total = malformedRecords.incrementAndGet();
    log.warn(
        "Skipping malformed record {}-{}@{} ({} so far): {}",
        record.topic(),
        record.partition(),
        record.offset(),
        total,
        exception.getMessage());
    Response response = super.handleError(context, record, exception);
    response
        .deadLetterQueueRecords()
        .forEach(deadLetter -> deadLetter.headers().add(DeadLetterHeaders.CONSUMER, applicationId));
    deadLetters.add(record.topic(), application, response.deadLetterQueueRecords().size());
    return Response.resume(DeadLetterSize.capped(response.deadLetterQueueRecords()));
  }
}
