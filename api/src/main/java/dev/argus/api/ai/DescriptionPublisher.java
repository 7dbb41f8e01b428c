package dev.argus.api.ai;

import dev.argus.api.system.KafkaClients;
import dev.argus.contract.Topics;
import dev.argus.contract.camera.EventDescription;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Publishes descriptions to {@code argus.camera.descriptions} (key camera UUID) with the api's
 * idempotent, {@code acks=all} producer and waits for the broker's acknowledgement: the describer
 * commits an event's offset only after its description is there, and a re-analysis answers only
 * once the sink will see it. The producer is created at the first description: the api starts
 * without Kafka.
 */
@Component
class DescriptionPublisher implements DisposableBean {

  /** Kafka did not take the description within the send timeout. */
  static final class UnavailableException extends RuntimeException {
    UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final KafkaClients kafka;
  private KafkaProducer<String, byte[]> producer;

  DescriptionPublisher(KafkaClients kafka) {
    this.kafka = kafka;
  }

  void publish(EventDescription description) {
    String topic = Topics.CAMERA_DESCRIPTIONS.name();
    byte[] value =
        Topics.CAMERA_DESCRIPTIONS.valueSerde().serializer().serialize(topic, description);
    Duration timeout = kafka.sendTimeout();
    try {
      producer()
          .send(new ProducerRecord<>(topic, description.cameraId(), value))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new UnavailableException(
          "Kafka refused the description: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new UnavailableException(
          "Kafka did not acknowledge the description within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("Interrupted while publishing the description", e);
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new UnavailableException("Kafka unavailable: " + e.getMessage(), e);
    }
  }

  private synchronized KafkaProducer<String, byte[]> producer() {
    if (producer == null) {
      producer = kafka.producer("descriptions");
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
