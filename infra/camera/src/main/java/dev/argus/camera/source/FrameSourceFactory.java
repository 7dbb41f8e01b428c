package dev.argus.camera.source;

/** Opens the {@link FrameSource} of a camera type. */
public interface FrameSourceFactory {

  /**
   * @param analysisFps frames per second to deliver (the decoder drops the rest)
   * @param maxWidth frames wider than this are scaled down, keeping the aspect ratio
   * @throws IllegalArgumentException for a type that cannot be read here (e.g. {@code usb} without
   *     the device)
   */
  FrameSource open(SourceSpec spec, double analysisFps, int maxWidth);
}
