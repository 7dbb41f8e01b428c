package dev.argus.camera.source;

/** Opens the {@link FrameSource} of a camera type. */
public interface FrameSourceFactory {

  /**
   * @param analysisFps frames per second to deliver (the decoder drops the rest)
   * @param maxWidth frames wider than this are scaled down, keeping the aspect ratio
   * @throws IllegalArgumentException for a type this factory does not know, or a rate or width out
   *     of range (a missing {@code usb} device, like any camera that cannot be read, is a {@link
   *     SourceFailure} of {@link FrameSource#stream})
   */
  FrameSource open(SourceSpec spec, double analysisFps, int maxWidth);
}
