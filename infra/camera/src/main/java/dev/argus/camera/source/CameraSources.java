package dev.argus.camera.source;

/** The production implementations: what the collector and the api use. */
public final class CameraSources {

  private CameraSources() {}

  /** Opens RTSP and MJPEG (and USB) sources through ffmpeg, snapshot sources through ImageIO. */
  public static FrameSourceFactory factory() {
    throw new UnsupportedOperationException("implemented by the media work (issue 12)");
  }

  /** The connection test of {@code POST /api/v1/cameras/test}. */
  public static CameraTester tester() {
    throw new UnsupportedOperationException("implemented by the media work (issue 12)");
  }
}
