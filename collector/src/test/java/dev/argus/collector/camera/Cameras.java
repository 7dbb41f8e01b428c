package dev.argus.collector.camera;

import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.camera.DetectionSchedule;
import java.util.List;
import java.util.Map;

/** Camera configurations for tests, as the api publishes them; change one setting at a time. */
record Cameras(
    String id,
    String rtspUrl,
    boolean enabled,
    boolean started,
    double fps,
    String sensitivity,
    int cooldown,
    DetectionSchedule schedule,
    String mode,
    int frameCount,
    String collector) {

  static Cameras camera(String id) {
    return new Cameras(
        id,
        "rtsp://127.0.0.1:8554/" + id,
        true,
        true,
        10,
        "medium",
        60,
        null,
        "single_frame",
        1,
        null);
  }

  Cameras url(String url) {
    return new Cameras(
        id,
        url,
        enabled,
        started,
        fps,
        sensitivity,
        cooldown,
        schedule,
        mode,
        frameCount,
        collector);
  }

  Cameras enabled(boolean value) {
    return new Cameras(
        id,
        rtspUrl,
        value,
        started,
        fps,
        sensitivity,
        cooldown,
        schedule,
        mode,
        frameCount,
        collector);
  }

  Cameras started(boolean value) {
    return new Cameras(
        id,
        rtspUrl,
        enabled,
        value,
        fps,
        sensitivity,
        cooldown,
        schedule,
        mode,
        frameCount,
        collector);
  }

  Cameras fps(double value) {
    return new Cameras(
        id,
        rtspUrl,
        enabled,
        started,
        value,
        sensitivity,
        cooldown,
        schedule,
        mode,
        frameCount,
        collector);
  }

  Cameras sensitivity(String value) {
    return new Cameras(
        id, rtspUrl, enabled, started, fps, value, cooldown, schedule, mode, frameCount, collector);
  }

  Cameras cooldown(int value) {
    return new Cameras(
        id,
        rtspUrl,
        enabled,
        started,
        fps,
        sensitivity,
        value,
        schedule,
        mode,
        frameCount,
        collector);
  }

  Cameras schedule(DetectionSchedule value) {
    return new Cameras(
        id,
        rtspUrl,
        enabled,
        started,
        fps,
        sensitivity,
        cooldown,
        value,
        mode,
        frameCount,
        collector);
  }

  Cameras multiFrame(int count) {
    return new Cameras(
        id,
        rtspUrl,
        enabled,
        started,
        fps,
        sensitivity,
        cooldown,
        schedule,
        "multi_frame",
        count,
        collector);
  }

  Cameras collector(String value) {
    return new Cameras(
        id,
        rtspUrl,
        enabled,
        started,
        fps,
        sensitivity,
        cooldown,
        schedule,
        mode,
        frameCount,
        value);
  }

  CameraConfig config() {
    return new CameraConfig(
        id,
        "Camera " + id,
        "rtsp",
        enabled,
        started,
        rtspUrl,
        "tcp",
        null,
        null,
        null,
        "viewer",
        Map.of(),
        fps,
        sensitivity,
        cooldown,
        List.of(),
        schedule,
        mode,
        frameCount,
        List.of("person", "vehicle"),
        "Who is in the garden?",
        collector,
        null,
        null);
  }

  /** As the collector "c1" sees it: assigned unless another collector is named. */
  DesiredCamera desired() {
    CameraConfig config = config();
    boolean here = collector == null || collector.equals("c1");
    return new DesiredCamera(
        config,
        here,
        here && config.shouldRun() ? CameraSourceSpecs.of(config, "secret") : null,
        null);
  }
}
