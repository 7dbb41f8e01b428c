package dev.argus.collector.kafka;

import dev.argus.collector.camera.CameraReadings;
import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.MotionReading;

/**
 * Publishes what camera workers observe: statuses to {@code argus.camera.status} and motion
 * readings (with their frames, so through a producer that allows large records) to {@code
 * argus.readings.camera}, both keyed by camera UUID so that a camera's records keep their order.
 */
public final class CameraReadingsPublisher implements CameraReadings {

  private final TopicPublisher<String, CameraStatus> statuses;
  private final TopicPublisher<String, MotionReading> motion;

  /**
   * @param motion made by {@link KafkaClients#largeRecordPublisher}
   */
  public CameraReadingsPublisher(
      TopicPublisher<String, CameraStatus> statuses, TopicPublisher<String, MotionReading> motion) {
    this.statuses = statuses;
    this.motion = motion;
  }

  @Override
  public void status(CameraStatus status) {
    statuses.publish(status.cameraId(), status);
  }

  @Override
  public void motion(MotionReading reading) {
    motion.publish(reading.cameraId(), reading);
  }
}
