package dev.argus.camera.detect;

import dev.argus.camera.image.Jpegs;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Finds objects in single frames. Implementations are safe to call from several threads (they queue
 * the frames themselves, in arrival order) and answer each frame within their frame timeout once it
 * is its turn; how many frames may wait is the caller's to bound.
 */
public interface ObjectDetector extends AutoCloseable {

  /** JPEG quality of frames handed over as pictures: what the collector captures with. */
  float JPEG_QUALITY = 0.8f;

  /**
   * The objects in one JPEG frame, best score first.
   *
   * @throws DetectorException when this frame got no answer (bad image, timeout, no sidecar)
   */
  List<Detection> detect(byte[] jpeg) throws DetectorException;

  /** {@link #detect(byte[])} of a decoded frame, sent as a JPEG of its own size. */
  default List<Detection> detect(BufferedImage image) throws DetectorException {
    return detect(Jpegs.encode(image, JPEG_QUALITY, image.getWidth()));
  }

  /** The model's name, e.g. {@code centernet}. */
  String model();

  DetectorStatus status();

  /** Stops the detector and whatever it started. Idempotent. */
  @Override
  void close();
}
