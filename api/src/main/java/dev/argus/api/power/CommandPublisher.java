package dev.argus.api.power;

import dev.argus.api.system.KafkaClients;
import dev.argus.contract.Topics;
import dev.argus.contract.commands.CollectorCommand;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Publishes collector commands to {@code argus.commands} and waits for the broker's
 * acknowledgement, so that a request answers 202 only for a command that is really on its way. The
 * producer is created at the first command: the api starts without Kafka.
 */
@Component
class CommandPublisher implements DisposableBean {

  /** Kafka did not take the command within the send timeout. */
  static final class UnavailableException extends RuntimeException {
    UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final KafkaClients kafka;
  private KafkaProducer<String, byte[]> producer;

  CommandPublisher(KafkaClients kafka) {
    this.kafka = kafka;
  }

  void publish(CollectorCommand command) {
    byte[] value =
        Topics.COMMANDS.valueSerde().serializer().serialize(Topics.COMMANDS.name(), command);
    Duration timeout = kafka.sendTimeout();
    try {
      producer()
          .send(new ProducerRecord<>(Topics.COMMANDS.name(), command.commandId(), value))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new UnavailableException("Kafka refused the command: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new UnavailableException("Kafka did not acknowledge the command within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("Interrupted while sending the command", e);
    } catch (org.apache.kafka.common.KafkaException e) {
      // send() itself fails when metadata does not arrive within max.block.ms (broker down).
      throw new UnavailableException("Kafka unavailable: " + e.getMessage(), e);
    }
  }

  private synchronized KafkaProducer<String, byte[]> producer() {
    if (producer == null) {
      producer = kafka.producer("commands");
    }
    return producer;
  }

  @Override
  public synchronized void destroy() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(2));
    }
  }
}
