package dev.argus.camera.source;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A source streaming on a thread of its own, with what it delivered: the stream infos, the frames
 * (queued) and how {@code stream} ended (null when it returned normally).
 */
final class Streaming implements FrameListener, AutoCloseable {

  static final Duration PATIENCE = Duration.ofSeconds(30);

  final FrameSource source;
  final List<StreamInfo> infos = new CopyOnWriteArrayList<>();
  final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
  final CompletableFuture<SourceFailure> ended = new CompletableFuture<>();

  private Streaming(FrameSource source) {
    this.source = source;
  }

  static Streaming start(FrameSource source) {
    Streaming streaming = new Streaming(source);
    Thread.ofPlatform()
        .daemon()
        .name("test-stream")
        .start(
            () -> {
              try {
                source.stream(streaming);
                streaming.ended.complete(null);
              } catch (SourceFailure failure) {
                streaming.ended.complete(failure);
              } catch (RuntimeException e) {
                streaming.ended.completeExceptionally(e);
              }
            });
    return streaming;
  }

  @Override
  public void onStreamInfo(StreamInfo info) {
    infos.add(info);
  }

  @Override
  public void onFrame(Frame frame) {
    frames.add(frame);
  }

  /** The next frame, failing the test when none comes within {@link #PATIENCE}. */
  Frame nextFrame() throws InterruptedException {
    Frame frame = frames.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    if (frame == null) {
      throw new AssertionError(
          "no frame within " + PATIENCE + "; stream ended with " + ended.getNow(null));
    }
    return frame;
  }

  /** How {@code stream} ended: the failure, or null when it returned normally. */
  SourceFailure awaitEnd() throws Exception {
    return ended.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    source.close();
  }
}
