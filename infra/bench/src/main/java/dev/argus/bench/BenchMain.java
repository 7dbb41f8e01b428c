package dev.argus.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Starts the real local stack and measures it against the physical limits of this machine: every
 * figure is reported beside a reference measured in the same run (a raw COPY into the same
 * database, nginx serving the same bytes on the same loopback). Run by {@code infra/bin/bench.sh};
 * writes {@code infra/bench/target/bench/results.json} and {@code results.md}.
 */
public final class BenchMain {

  private static final double GIB_KIB = 1024.0 * 1024.0;

  private final BenchOptions options;
  private final Path outputDir;
  private final PrintStream out;
  private final Results<Figure> results = Results.figures();

  private BenchMain(BenchOptions options, Path outputDir, PrintStream out) {
    this.options = options;
    this.outputDir = outputDir;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Path home = findHome();
    new BenchMain(options, home.resolve("infra/bench/target/bench"), System.out).run(home);
    // The Kafka client and HTTP client threads must not keep the JVM alive.
    System.exit(0);
  }

  private void run(Path home) throws Exception {
    Instant started = Instant.now();
    results.condition("started_at", started.toString());
    results.condition("cpus", Runtime.getRuntime().availableProcessors());
    results.condition(
        "memory", Files.readAllLines(Path.of("/proc/meminfo")).getFirst().replaceAll("\\s+", " "));
    results.condition("java", System.getProperty("java.version"));
    results.condition("quick", options.quick());
    results.condition("scenarios", String.join(" ", options.scenarios()));
    try {
      if (options.runs("camera")) {
        // Before the stack starts: the workers' CPU is measured with nothing else of ours running.
        cameraCpu();
      }
      if (options.runs("detector")) {
        // Before the stack too: the detector's CPU with nothing else of ours running.
        detector();
      }
      if (options.needsStack()) {
        measureOnStack(home);
      }
    } finally {
      results.condition("took_seconds", Duration.between(started, Instant.now()).toSeconds());
      results.write(outputDir, out);
      out.println("Written to " + outputDir.resolve("results.json") + " and results.md");
    }
  }

  private void measureOnStack(Path home) throws Exception {
    Instant started = Instant.now();
    try (BenchStack stack = BenchStack.start(home, outputDir.resolve("stack"), out)) {
      out.printf(
          "Stack up in %d s; measuring %s%n",
          Duration.between(started, Instant.now()).toSeconds(), options.scenarios());
      if (options.runs("ingest")
          || options.runs("memory")
          || options.runs("scaling")
          || options.runs("latency")) {
        // The services' JIT and the broker's page cache warm up here, not in the first figure.
        new IngestRun(stack, out).run("warmup", 500, 10, false);
      }
      if (options.runs("ingest") || options.runs("memory")) {
        ingest(stack);
      }
      if (options.runs("latency")) {
        latency(stack);
      }
      if (options.runs("scaling")) {
        scaling(stack);
      }
      if (options.runs("api")) {
        api(stack);
      }
      if (options.runs("llm")) {
        llm(stack);
      }
      if (options.runs("camera")) {
        cameraEvents(stack);
      }
    }
  }

  /**
   * CPU per camera at 1, 2, 4 and 8 cameras against ffmpeg alone on the same stream, and how many
   * cameras one core sustains at the asked rate.
   */
  private void cameraCpu() throws Exception {
    results.condition("loadavg_before_camera", Files.readString(Path.of("/proc/loadavg")).strip());
    List<CameraCpuRun.Window> windows =
        new CameraCpuRun(outputDir.resolve("camera"), out)
            .run(
                options.cameraCounts().stream().mapToInt(Integer::intValue).toArray(),
                Duration.ofSeconds(options.cameraWarmupSeconds()),
                Duration.ofSeconds(options.cameraWindowSeconds()));
    CameraCpuRun.Window reference = windows.getFirst();
    String plain = "plain ffmpeg decoding the same stream to /dev/null";
    double asked = CameraCpuRun.FPS;
    CameraCpuRun.Window sustained = null;
    for (CameraCpuRun.Window w : windows.subList(1, windows.size())) {
      String of =
          w.cameras()
              + (w.cameras() == 1 ? " camera" : " cameras")
              + " (640x360 H.264, 5 fps, "
              + Math.round(w.seconds())
              + " s): ";
      results.add(
          Figure.against(
              "camera",
              of + "ffmpeg CPU-ms per camera-second",
              1000 * w.ffmpegPerCameraSecond(),
              "CPU-ms/s",
              plain,
              1000 * reference.ffmpegPerCameraSecond()));
      results.add(
          Figure.absolute(
              "camera",
              of + "collector JVM CPU-ms per camera-second",
              1000 * w.jvmPerCameraSecond(),
              "CPU-ms/s"));
      results.add(
          Figure.against(
              "camera",
              of + "total CPU-ms per camera-second (ffmpeg + JVM)",
              1000 * w.totalPerCameraSecond(),
              "CPU-ms/s",
              plain,
              1000 * reference.ffmpegPerCameraSecond()));
      boolean keepsUp = w.analysedFpsPerCamera() >= 0.95 * asked;
      results.add(
          Figure.against(
                  "camera",
                  of + "frames analysed per second per camera",
                  w.analysedFpsPerCamera(),
                  "fps",
                  "asked",
                  asked)
              .withTarget(">= 95 % of asked", keepsUp));
      results.add(
          Figure.absolute(
              "camera", of + "frames dropped by the workers' buffers", w.dropped(), "frames"));
      if (keepsUp) {
        sustained = w;
      }
    }
    CameraCpuRun.Window basis = sustained != null ? sustained : windows.get(1);
    results.add(
        Figure.against(
                "camera",
                "cameras one collector core sustains = 1 / total CPU per camera (measured at "
                    + basis.cameras()
                    + (basis.cameras() == 1 ? " camera" : " cameras")
                    + ")",
                1 / basis.totalPerCameraSecond(),
                "cameras",
                "1 / plain ffmpeg's CPU",
                1 / reference.ffmpegPerCameraSecond())
            .withTarget("achieved fps >= 95 % of asked", sustained != null));
  }

  /**
   * The CPU object detector on 640 px frames of the footage of people: latency per frame beside the
   * sidecar's own time, frames per CPU-second beside ffmpeg decoding the same footage, and the
   * cameras one core serves at one analysed frame per second of motion each.
   */
  private void detector() throws Exception {
    results.condition(
        "loadavg_before_detector", Files.readString(Path.of("/proc/loadavg")).strip());
    Path footage = footage();
    DetectorRun.Outcome o =
        new DetectorRun(outputDir.resolve("detector"), out)
            .run(footage, options.detectorFrames(), 5);
    results.condition("detector", o.ready().toString());
    String of = " (" + o.frames() + " frames of the car-park footage at 640x480, JPEG q0.8)";
    String inside = "the sidecar's own time for the same frame (JPEG decode + inference)";
    results.add(
        Figure.against(
            "detector",
            "detector latency per frame, p50" + of,
            o.roundTrip().p50(),
            "ms",
            inside,
            o.inSidecar().p50()));
    results.add(
        Figure.against(
            "detector",
            "detector latency per frame, p95",
            o.roundTrip().p95(),
            "ms",
            inside,
            o.inSidecar().p95()));
    String decoding = "ffmpeg decoding the same footage to 640 px frames";
    results.add(
        Figure.against(
            "detector",
            "frames per CPU-second (the sidecar's CPU)",
            o.framesPerDetectorCpuSecond(),
            "frames/CPU-s",
            decoding,
            o.ffmpegFramesPerCpuSecond()));
    results.add(
        Figure.against(
            "detector",
            "cameras one core serves at 1 analysed frame/s per motion event (sidecar + JVM CPU)",
            o.framesPerTotalCpuSecond(),
            "cameras",
            "cameras one core decodes at 1 frame/s (" + decoding + ")",
            o.ffmpegFramesPerCpuSecond()));
    results.add(
        Figure.absolute(
            "detector",
            "frames per wall-second, one sidecar, one frame at a time",
            o.frames() / o.wallSeconds(),
            "frames/s"));
    results.add(Figure.absolute("detector", "sidecar resident memory", o.rssKib() / 1024.0, "MiB"));
    results.add(
        Figure.absolute(
                "detector",
                "frames with a person of score >= 0.5 (of " + o.frames() + ")",
                o.framesWithPeople(),
                "frames")
            .withTarget(
                "every frame (people walk through the whole clip)",
                o.framesWithPeople() == o.frames()));
  }

  /** The footage of people fetched by infra/bin/fetch-footage.sh (bench.sh runs it). */
  private static Path footage() {
    String explicit = System.getenv("ARGUS_FOOTAGE_DIR");
    String cache = System.getenv("XDG_CACHE_HOME");
    Path dir =
        explicit != null && !explicit.isBlank()
            ? Path.of(explicit)
            : (cache != null && !cache.isBlank()
                    ? Path.of(cache)
                    : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("argus")
                .resolve("footage");
    Path file = dir.resolve("vtest.mp4");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "the detector scenario needs the footage " + file + ": run infra/bin/fetch-footage.sh");
    }
    return file;
  }

  /** Motion in the scene → event.created on /ws, through the whole stack. */
  private void cameraEvents(BenchStack stack) throws Exception {
    CameraEventRun.Outcome o =
        new CameraEventRun(stack, out)
            .run(options.cameraEpisodes(), Duration.ofMillis(2_500), Duration.ofMillis(800));
    results.add(
        Figure.absolute(
                "camera",
                "episodes of motion without an event.created (of " + o.episodes() + ")",
                o.missed(),
                "episodes")
            .withTarget("0", o.missed() == 0));
    if (o.fromMotion() == null) {
      throw new IllegalStateException(
          "No event.created for any episode of motion; see the stack's logs under "
              + outputDir.resolve("stack/logs"));
    }
    String hop = "one record producer -> broker -> consumer, same broker";
    String of = " (" + o.fromMotion().count() + " episodes)";
    results.add(
        Figure.against(
            "camera",
            "motion starts in the scene -> event.created on /ws, p50" + of,
            o.fromMotion().p50(),
            "ms",
            hop,
            o.brokerHop().p50()));
    results.add(
        Figure.against(
                "camera",
                "motion starts in the scene -> event.created on /ws, p99",
                o.fromMotion().p99(),
                "ms",
                hop,
                o.brokerHop().p99())
            .withTarget("<= 1000 ms", o.fromMotion().p99() <= 1000));
    results.add(
        Figure.against(
            "camera",
            "reading's timestamp (frame captured) -> event.created on /ws, p50",
            o.fromReading().p50(),
            "ms",
            hop,
            o.brokerHop().p50()));
    results.add(
        Figure.against(
            "camera",
            "reading's timestamp -> event.created on /ws, p99",
            o.fromReading().p99(),
            "ms",
            hop,
            o.brokerHop().p99()));
  }

  private void ingest(BenchStack stack) throws Exception {
    IngestRun.Outcome o =
        new IngestRun(stack, out)
            .run("ingest", options.ingestDevices(), options.ingestReadingsPerDevice(), true);
    double ratio = o.pipelineRowsPerSecond() / o.copyRowsPerSecond();
    results.add(
        Figure.against(
                "ingest",
                "readings stored/s ("
                    + o.readings()
                    + " readings, "
                    + options.ingestDevices()
                    + " devices, "
                    + o.events()
                    + " events)",
                o.pipelineRowsPerSecond(),
                "rows/s",
                "raw COPY",
                o.copyRowsPerSecond())
            .withTarget("ratio >= 0.5", ratio >= 0.5));
    results.add(Figure.absolute("ingest", "producer send+flush time", o.produceSeconds(), "s"));
    results.add(Figure.absolute("ingest", "produce-to-stored time", o.pipelineSeconds(), "s"));
    for (Map.Entry<String, Long> peak : o.memoryPeaksKib().entrySet()) {
      Figure figure =
          Figure.absolute(
              "memory",
              "peak "
                  + (peak.getKey().equals("postgres")
                      ? "PSS postgres (all processes)"
                      : peak.getKey().equals("total")
                          ? "total of the stack"
                          : "RSS " + peak.getKey()),
              peak.getValue() / 1024.0,
              "MiB");
      if (peak.getKey().equals("total")) {
        figure = figure.withTarget("<= 1536 MiB", peak.getValue() / GIB_KIB <= 1.5);
      }
      results.add(figure);
    }
  }

  /** At the rate, and at a fifth of it to show the latency of an unsaturated pipeline. */
  private void latency(BenchStack stack) throws Exception {
    LatencyRun run = new LatencyRun(stack, out);
    latencyAt(run, options.latencyRate() / 5, options.latencySeconds() / 2, false);
    latencyAt(run, options.latencyRate(), options.latencySeconds(), true);
  }

  private void latencyAt(LatencyRun run, int rate, int seconds, boolean target) throws Exception {
    LatencyRun.Outcome o = run.run(rate, Duration.ofSeconds(seconds));
    String at = String.format("at %,d readings/s: ", rate);
    results.add(
        Figure.absolute(
            "latency",
            at
                + "reading produced -> event in GET /api/events, p50 ("
                + o.millis().count()
                + " events in "
                + seconds
                + " s)",
            o.millis().p50(),
            "ms"));
    results.add(Figure.absolute("latency", at + "p95", o.millis().p95(), "ms"));
    Figure p99 = Figure.absolute("latency", at + "p99", o.millis().p99(), "ms");
    results.add(target ? p99.withTarget("<= 500 ms", o.millis().p99() <= 500) : p99);
    results.add(Figure.absolute("latency", at + "max", o.millis().max(), "ms"));
    results.add(
        Figure.absolute(
                "latency",
                at + "events not seen within 30 s of the last send",
                o.missing(),
                "events")
            .withTarget("0", o.missing() == 0));
  }

  /** Devices, and with them readings, at 1x, 4x and 16x; readings per device stay the same. */
  private void scaling(BenchStack stack) throws Exception {
    IngestRun run = new IngestRun(stack, out);
    for (int factor : new int[] {1, 4, 16}) {
      int devices = options.scalingDevices() * factor;
      IngestRun.Outcome o =
          run.run("scale-" + factor + "x", devices, options.scalingReadingsPerDevice(), false);
      String size = factor + "x: " + devices + " devices, " + o.readings() + " readings";
      results.add(
          Figure.against(
              "scaling",
              "readings stored/s, " + size,
              o.pipelineRowsPerSecond(),
              "rows/s",
              "raw COPY",
              o.copyRowsPerSecond()));
      results.add(
          Figure.absolute(
              "scaling", "bytes per stored reading, " + size, o.bytesPerStoredReading(), "B"));
    }
  }

  private void api(BenchStack stack) throws Exception {
    var run =
        new ApiLoadRun(stack, outputDir.resolve("api"), new Wrk(2, 32, options.wrkSeconds()), out);
    results.condition(
        "api_store",
        String.format(
            "%,d devices, %,d snapshots, %,d events",
            options.apiDevices(),
            (long) options.apiDevices() * options.apiSnapshotsPerDevice(),
            options.apiEvents()));
    for (ApiLoadRun.Outcome o :
        run.run(options.apiDevices(), options.apiSnapshotsPerDevice(), options.apiEvents())) {
      double ratio = o.api().requestsPerSecond() / o.nginx().requestsPerSecond();
      String name =
          "GET "
              + o.endpoint().replaceFirst("device_id=[^&]*", "device_id=<random>")
              + " ("
              + o.responseBytes()
              + " B)";
      results.add(
          Figure.against(
                  "api",
                  name + " requests/s",
                  o.api().requestsPerSecond(),
                  "req/s",
                  "nginx static file",
                  o.nginx().requestsPerSecond())
              .withTarget("ratio >= 0.25", ratio >= 0.25));
      results.add(
          Figure.against(
                  "api",
                  name + " p99",
                  o.api().p99Millis(),
                  "ms",
                  "nginx static file",
                  o.nginx().p99Millis())
              .withTarget(
                  "<= 20 ms, no failures", o.api().p99Millis() <= 20 && o.api().failures() == 0));
      if (o.api().failures() > 0) {
        results.add(
            Figure.absolute("api", name + " failed requests", o.api().failures(), "requests"));
      }
    }
  }

  /**
   * One monitoring run of {@code llmModels} models with known delays through the whole stack; the
   * errors are against the injected delays and against when the simulator actually wrote.
   */
  private void llm(BenchStack stack) throws Exception {
    // 500 streams at once on a shared machine: the errors follow the load, so record it.
    results.condition("loadavg_before_llm", Files.readString(Path.of("/proc/loadavg")).strip());
    LlmProbeRun.Outcome o = new LlmProbeRun(stack, out).run(LlmFleetPlan.of(options.llmModels()));
    String of = o.models() + " models, ";
    results.add(
        Figure.absolute("llm", of + "probe results stored from one run", o.stored(), "results")
            .withTarget("all, none failed", o.stored() == o.models() && o.failed() == 0));
    errorFigures("TTFT", o.ttftVsInjected(), o.ttftVsWritten(), o.clientTtftVsInjected());
    errorFigures("E2E", o.e2eVsInjected(), o.e2eVsWritten(), o.clientE2eVsInjected());
    results.add(
        Figure.absolute(
            "llm",
            "TTFT error, part before the server: probe start -> request at the simulator's handler,"
                + " p50",
            o.beforeServer().p50(),
            "ms"));
    results.add(
        Figure.absolute(
            "llm", "TTFT error, part before the server, p99", o.beforeServer().p99(), "ms"));
    results.add(
        Figure.absolute(
            "llm",
            "TTFT error, part after the write: first token flushed -> read by the collector, p50",
            o.afterWrite().p50(),
            "ms"));
    results.add(
        Figure.absolute(
            "llm", "TTFT error, part after the write, p99", o.afterWrite().p99(), "ms"));
    results.add(
        Figure.against(
            "llm",
            of + "run time: POST /monitoring/run -> every result in llm_probe_results",
            o.runSeconds(),
            "s",
            "slowest model's injected E2E",
            o.slowestInjectedSeconds()));
    results.add(
        Figure.against(
            "llm",
            of + "probing span: first request received -> last token written (simulators)",
            o.probeSpanSeconds(),
            "s",
            "slowest model's injected E2E",
            o.slowestInjectedSeconds()));
    double perThousand = 1000.0 / Math.max(1, o.stored());
    results.add(
        Figure.against(
            "llm",
            "collector CPU-seconds per 1,000 probes (over the run time)",
            o.collectorCpuSeconds() * perThousand,
            "s",
            "idle collector over the same wall time",
            o.idleCpuSeconds() * perThousand));
  }

  private void errorFigures(
      String what, Percentiles vsInjected, Percentiles vsWritten, Percentiles clientAlone) {
    String metric = "|measured " + what + " - injected|";
    String reference = "ProviderClients alone in the bench JVM, same simulators";
    results.add(
        Figure.against(
            "llm",
            metric + " p50 (" + vsInjected.count() + " probes)",
            vsInjected.p50(),
            "ms",
            reference,
            clientAlone.p50()));
    results.add(
        Figure.against("llm", metric + " p99", vsInjected.p99(), "ms", reference, clientAlone.p99())
            .withTarget("<= 5 ms", vsInjected.p99() <= 5));
    results.add(Figure.absolute("llm", metric + " max", vsInjected.max(), "ms"));
    String own = "|measured " + what + " - as written by the simulator|";
    results.add(Figure.absolute("llm", own + " p50", vsWritten.p50(), "ms"));
    results.add(Figure.absolute("llm", own + " p99", vsWritten.p99(), "ms"));
  }

  /** The Argus checkout this JVM runs in (bench.sh and faults.sh start it there). */
  public static Path findHome() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("collector"))
          && Files.isDirectory(p.resolve("infra/stack"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "Run from inside the Argus checkout (infra/bin/bench.sh does).");
  }
}
