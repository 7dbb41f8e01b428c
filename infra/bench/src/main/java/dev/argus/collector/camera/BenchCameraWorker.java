package dev.argus.collector.camera;

import dev.argus.camera.source.FrameSourceFactory;
import dev.argus.camera.source.SourceSpec;
import dev.argus.contract.camera.CameraConfig;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's handle on one real {@link CameraWorker}: the worker is package-private (the
 * collector runs it only through {@link CameraWorkers}), and the camera scenario needs its frame
 * counters, which {@code CameraWorkers} does not expose. This class lives in the benchmark module,
 * in the collector's package, so the collector keeps no code for the benchmark's sake.
 */
public final class BenchCameraWorker {

  private final CameraWorker worker;

  private BenchCameraWorker(CameraWorker worker) {
    this.worker = worker;
  }

  /**
   * A worker over an RTSP URL at {@code fps}, with the collector's default settings, handing what
   * it sees to {@code readings}.
   */
  public static BenchCameraWorker rtsp(
      String id, String rtspUrl, double fps, FrameSourceFactory sources, CameraReadings readings) {
    var config =
        new CameraConfig(
            id,
            "bench " + id,
            "rtsp",
            true,
            true,
            rtspUrl,
            "tcp",
            null,
            null,
            null,
            null,
            Map.of(),
            fps,
            "medium",
            60,
            List.of(),
            null,
            "single_frame",
            1,
            List.of(),
            null,
            null,
            null,
            null);
    var source = new SourceSpec("rtsp", rtspUrl, "tcp", null, null, null);
    return new BenchCameraWorker(
        new CameraWorker(
            new DesiredCamera(config, true, source, null),
            "bench",
            sources,
            readings,
            CameraSettings.defaults(),
            Clock.systemUTC()));
  }

  public void start() {
    worker.start();
  }

  public void stop() {
    worker.stop();
  }

  public long framesReceived() {
    return worker.framesReceived();
  }

  public long framesAnalysed() {
    return worker.framesAnalysed();
  }

  public long droppedFrames() {
    return worker.droppedFrames();
  }

  public long readingsPublished() {
    return worker.readingsPublished();
  }
}
