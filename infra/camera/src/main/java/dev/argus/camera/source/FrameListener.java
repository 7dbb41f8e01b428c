package dev.argus.camera.source;

/** Receives what a {@link FrameSource} reads, on the source's reading thread. */
public interface FrameListener {

  /** Called once the source answers, before the first frame (again after each reconnect). */
  void onStreamInfo(StreamInfo info);

  /** Called for every frame; must return quickly (hand the frame to a bounded buffer). */
  void onFrame(Frame frame);
}
