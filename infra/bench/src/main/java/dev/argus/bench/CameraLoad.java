package dev.argus.bench;

import dev.argus.camera.source.CameraSources;
import dev.argus.collector.camera.BenchCameraWorker;
import dev.argus.collector.camera.CameraReadings;
import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.MotionReading;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child JVM of the camera scenario's CPU part: runs {@code N} real collector camera workers
 * ({@link BenchCameraWorker} over the production {@link CameraSources#factory()}, so one ffmpeg
 * child per camera) against one RTSP URL, and after a warm-up measures over a fixed window the CPU
 * of this JVM and of its ffmpeg children and the workers' frame counters. Readings and statuses go
 * to a counting seam: the broker is not part of this figure.
 *
 * <p>A JVM of its own so that its CPU is the workers' alone (with their JIT and GC, which is what a
 * collector pays), not the benchmark's. Prints one {@code RESULT key=value ...} line.
 *
 * <p>Usage: {@code CameraLoad URL FPS CAMERAS WARMUP_SECONDS WINDOW_SECONDS}
 */
public final class CameraLoad {

  private CameraLoad() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    double fps = Double.parseDouble(args[1]);
    int cameras = Integer.parseInt(args[2]);
    Duration warmup = Duration.ofSeconds(Long.parseLong(args[3]));
    Duration window = Duration.ofSeconds(Long.parseLong(args[4]));

    AtomicLong readings = new AtomicLong();
    CameraReadings seam =
        new CameraReadings() {
          @Override
          public void status(CameraStatus status) {
            // Into the scenario's log (camera/workers-N.log): why a camera went offline.
            System.err.printf(
                "%s %s %s %s%n",
                status.at(),
                status.cameraId(),
                status.state(),
                Objects.toString(status.reason(), ""));
          }

          @Override
          public void motion(MotionReading reading) {
            readings.incrementAndGet();
          }
        };
    List<BenchCameraWorker> workers = new ArrayList<>();
    for (int i = 0; i < cameras; i++) {
      BenchCameraWorker worker =
          BenchCameraWorker.rtsp("cam-" + i, url, fps, CameraSources.factory(), seam);
      workers.add(worker);
      worker.start();
    }
    Thread.sleep(warmup);
    Snapshot start = Snapshot.take(workers);
    long startNanos = System.nanoTime();
    Thread.sleep(window);
    Snapshot end = Snapshot.take(workers);
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    workers.forEach(BenchCameraWorker::stop);

    double ffmpegCpu = 0;
    for (Map.Entry<Long, Double> child : end.childCpu().entrySet()) {
      // A child that started inside the window (a reconnect) counts whole.
      ffmpegCpu += child.getValue() - start.childCpu().getOrDefault(child.getKey(), 0.0);
    }
    System.out.printf(
        Locale.ROOT,
        "RESULT seconds=%.3f jvm_cpu=%.3f ffmpeg_cpu=%.3f ffmpeg_processes=%d received=%d"
            + " analysed=%d dropped=%d readings=%d%n",
        seconds,
        end.jvmCpu() - start.jvmCpu(),
        ffmpegCpu,
        end.childCpu().size(),
        end.received() - start.received(),
        end.analysed() - start.analysed(),
        end.dropped() - start.dropped(),
        readings.get());
    System.out.flush();
    System.exit(0);
  }

  private record Snapshot(
      double jvmCpu, Map<Long, Double> childCpu, long received, long analysed, long dropped) {

    static Snapshot take(List<BenchCameraWorker> workers) {
      Map<Long, Double> children = new HashMap<>();
      ProcessHandle.current().descendants().forEach(p -> children.put(p.pid(), cpuSeconds(p)));
      long received = 0;
      long analysed = 0;
      long dropped = 0;
      for (BenchCameraWorker worker : workers) {
        received += worker.framesReceived();
        analysed += worker.framesAnalysed();
        dropped += worker.droppedFrames();
      }
      return new Snapshot(
          cpuSeconds(ProcessHandle.current()), children, received, analysed, dropped);
    }
  }

  static double cpuSeconds(ProcessHandle process) {
    return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
  }
}
