package dev.argus.api.cameras;

import dev.argus.contract.camera.DetectionSchedule;
import dev.argus.contract.camera.DetectionZone;
import dev.argus.contract.camera.ZonePoint;
import dev.argus.contract.net.OutboundAddressGuard;
import dev.argus.contract.net.UnsafeDestinationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a camera body must satisfy, as one list of problems (each naming its field and what to send)
 * so that a client learns everything wrong at once; and the settings it stands for, with defaults.
 * The addresses a collector will connect to pass the outbound address guard, as device hosts do.
 */
final class CameraRules {

  static final List<String> TYPES = List.of("rtsp", "mjpeg", "snapshot", "usb", "protect");
  static final List<String> DETECTION_TYPES =
      List.of("person", "vehicle", "animal", "package", "motion", "ring");
  static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  /** The body's fields; plus the read-only ones of an answer, accepted so GET-edit-PUT works. */
  static final Set<String> FIELDS =
      Set.of(
          "name",
          "type",
          "enabled",
          "rtsp_url",
          "transport",
          "url",
          "snapshot_interval_seconds",
          "device_path",
          "username",
          "password",
          "analysis_fps",
          "motion_sensitivity",
          "motion_cooldown_seconds",
          "detection_zones",
          "detection_schedule",
          "analysis_mode",
          "frame_count",
          "smart_detection_types",
          "prompt_override",
          "collector",
          "protect_controller_id",
          "protect_camera_id");

  static final Set<String> READ_ONLY_FIELDS =
      Set.of("id", "has_password", "started", "status", "created_at", "updated_at");

  static final int MAX_ZONES = 16;
  static final int MAX_POINTS = 64;
  static final int MAX_PROMPT = 4000;

  /** A Protect camera id as the bootstrap lists it (24 hex digits on real controllers). */
  private static final Pattern PROTECT_CAMERA_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private static final Pattern DEVICE_PATH = Pattern.compile("/dev/video[0-9]{1,3}");
  private static final Pattern COLLECTOR = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

  private CameraRules() {}

  /** The unknown fields of a body, as problems. */
  static List<String> unknownFields(Iterable<String> names) {
    List<String> problems = new ArrayList<>();
    for (String name : names) {
      if (!FIELDS.contains(name) && !READ_ONLY_FIELDS.contains(name)) {
        problems.add(
            name
                + " is not a field of a camera; the fields are "
                + String.join(", ", FIELDS.stream().sorted().toList()));
      }
    }
    return problems;
  }

  /** The checked settings of {@code request}; {@code problems} collects what is wrong. */
  static CameraSettings settle(
      CameraRequest request, CameraDefaults defaults, List<String> problems) {
    String type = lower(request.type());
    if (type == null) {
      problems.add("type is required: one of " + String.join(", ", TYPES));
    } else if (!TYPES.contains(type)) {
      problems.add(
          "type must be one of " + String.join(", ", TYPES) + ", got '" + request.type() + "'");
    }
    String name = blankToNull(request.name());
    if (name == null) {
      problems.add("name is required");
    } else if (name.length() > 200) {
      problems.add("name must be at most 200 characters");
    }

    String rtspUrl = null;
    String transport = "tcp";
    String url = null;
    String devicePath = null;
    int interval = orDefault(request.snapshotIntervalSeconds(), 1);
    UUID protectController = null;
    String protectCamera = null;
    if ("rtsp".equals(type)) {
      rtspUrl = address("rtsp_url", request.rtspUrl(), Set.of("rtsp", "rtsps"), problems);
      transport = lower(request.transport()) == null ? "tcp" : lower(request.transport());
      if (!transport.equals("tcp") && !transport.equals("udp")) {
        problems.add("transport must be tcp or udp, got '" + request.transport() + "'");
      }
    } else if ("mjpeg".equals(type) || "snapshot".equals(type)) {
      url = address("url", request.url(), Set.of("http", "https"), problems);
    } else if ("usb".equals(type)) {
      devicePath = blankToNull(request.devicePath());
      if (devicePath == null || !DEVICE_PATH.matcher(devicePath).matches()) {
        problems.add(
            "device_path is required for a usb camera: /dev/video<N>, e.g. /dev/video0"
                + (devicePath == null ? "" : ", got '" + devicePath + "'"));
      }
    }
    if ("protect".equals(type)) {
      protectController = request.protectControllerId();
      if (protectController == null) {
        problems.add(
            "protect_controller_id is required for a protect camera: the id of a controller of"
                + " GET /api/v1/protect/controllers");
      }
      protectCamera = blankToNull(request.protectCameraId());
      if (protectCamera == null) {
        problems.add(
            "protect_camera_id is required for a protect camera: the id of one of GET"
                + " /api/v1/protect/controllers/{id}/cameras");
      } else if (!PROTECT_CAMERA_ID.matcher(protectCamera).matches()) {
        problems.add(
            "protect_camera_id must be 1-128 letters, digits, '.', '_', ':' or '-', got '"
                + protectCamera
                + "'");
      }
      if (blankToNull(request.username()) != null || blankToNull(request.password()) != null) {
        problems.add(
            "a protect camera has no username or password: it is reached through its controller,"
                + " whose credentials are set on /api/v1/protect/controllers");
      }
    }
    if (interval < 1 || interval > 86_400) {
      problems.add("snapshot_interval_seconds must be between 1 and 86400");
    }

    String username = "protect".equals(type) ? null : blankToNull(request.username());
    if (username != null && username.length() > 256) {
      problems.add("username must be at most 256 characters");
    }
    if (request.password() != null && request.password().length() > 1024) {
      problems.add("password must be at most 1024 characters");
    }

    double fps = request.analysisFps() == null ? 5.0 : request.analysisFps();
    if (!(fps >= 0.2 && fps <= 30)) {
      problems.add("analysis_fps must be between 0.2 and 30");
    }
    String sensitivity =
        oneOf(
            "motion_sensitivity",
            request.motionSensitivity(),
            List.of("low", "medium", "high"),
            defaults.motionSensitivity(),
            problems);
    int cooldown = orDefault(request.motionCooldownSeconds(), defaults.motionCooldownSeconds());
    if (cooldown < 0 || cooldown > 86_400) {
      problems.add("motion_cooldown_seconds must be between 0 and 86400");
    }
    String mode =
        oneOf(
            "analysis_mode",
            request.analysisMode(),
            List.of("single_frame", "multi_frame"),
            defaults.analysisMode(),
            problems);
    int frames = orDefault(request.frameCount(), defaults.frameCount());
    if (frames < 1 || frames > 10) {
      problems.add("frame_count must be between 1 and 10");
    }

    List<String> smart = new ArrayList<>();
    if (request.smartDetectionTypes() != null) {
      for (String detection : new LinkedHashSet<>(request.smartDetectionTypes())) {
        String value = lower(detection);
        if (value == null || !DETECTION_TYPES.contains(value)) {
          problems.add(
              "smart_detection_types may hold "
                  + String.join(", ", DETECTION_TYPES)
                  + ", got '"
                  + detection
                  + "'");
        } else if (!smart.contains(value)) {
          smart.add(value);
        }
      }
    }
    String prompt = blankToNull(request.promptOverride());
    if (prompt != null && prompt.length() > MAX_PROMPT) {
      problems.add("prompt_override must be at most " + MAX_PROMPT + " characters");
    }
    String collector = blankToNull(request.collector());
    if (collector != null && !COLLECTOR.matcher(collector).matches()) {
      problems.add(
          "collector must be 1-64 letters, digits, '.', '_', ':' or '-', got '" + collector + "'");
    }
    return new CameraSettings(
        name,
        type,
        request.enabled() == null || request.enabled(),
        rtspUrl,
        transport,
        url,
        interval,
        devicePath,
        username,
        fps,
        sensitivity,
        cooldown,
        zones(request.detectionZones(), problems),
        schedule(request.detectionSchedule(), problems),
        mode,
        frames,
        smart,
        prompt,
        collector,
        protectController,
        protectCamera);
  }

  /**
   * A URL a collector connects to: the scheme, a host, no credentials inside (they go to {@code
   * username}/{@code password}, which are kept encrypted), and a host the guard lets through.
   */
  private static String address(
      String field, String given, Set<String> schemes, List<String> problems) {
    String value = blankToNull(given);
    String expected = String.join(" or ", schemes.stream().sorted().map(s -> s + "://").toList());
    if (value == null) {
      problems.add(field + " is required for this type: a " + expected + " URL");
      return null;
    }
    if (value.length() > 2048) {
      problems.add(field + " must be at most 2048 characters");
      return null;
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      problems.add(field + " must be a " + expected + " URL, got '" + value + "'");
      return null;
    }
    if (uri.getScheme() == null || !schemes.contains(lower(uri.getScheme()))) {
      problems.add(field + " must be a " + expected + " URL, got '" + value + "'");
      return null;
    }
    if (uri.getRawUserInfo() != null) {
      problems.add(
          field
              + " must not hold credentials (user:password@): send them as username and"
              + " password, which are stored encrypted");
      return null;
    }
    if (uri.getHost() == null) {
      problems.add(field + " must name a host, got '" + value + "'");
      return null;
    }
    try {
      OutboundAddressGuard.check(field, uri.getHost());
    } catch (UnsafeDestinationException e) {
      problems.add(e.getMessage());
      return null;
    }
    return value;
  }

  private static List<DetectionZone> zones(List<CameraRequest.Zone> given, List<String> problems) {
    if (given == null) {
      return List.of();
    }
    if (given.size() > MAX_ZONES) {
      problems.add("detection_zones may hold at most " + MAX_ZONES + " zones");
      return List.of();
    }
    List<DetectionZone> zones = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      CameraRequest.Zone zone = given.get(i);
      String field = "detection_zones[" + i + "]";
      if (zone == null || zone.polygon() == null) {
        problems.add(field + ".polygon is required: at least 3 points {\"x\", \"y\"}");
        continue;
      }
      String name = blankToNull(zone.name());
      if (name != null && name.length() > 100) {
        problems.add(field + ".name must be at most 100 characters");
      }
      if (zone.polygon().size() < 3 || zone.polygon().size() > MAX_POINTS) {
        problems.add(field + ".polygon must have between 3 and " + MAX_POINTS + " points");
        continue;
      }
      List<ZonePoint> points = new ArrayList<>();
      for (CameraRequest.Point point : zone.polygon()) {
        if (point == null
            || point.x() == null
            || point.y() == null
            || !(point.x() >= 0 && point.x() <= 1)
            || !(point.y() >= 0 && point.y() <= 1)) {
          problems.add(
              field
                  + ".polygon points must have x and y between 0 and 1 (relative to the"
                  + " picture's width and height)");
          points = null;
          break;
        }
        points.add(new ZonePoint(point.x(), point.y()));
      }
      if (points != null) {
        zones.add(new DetectionZone(name, points, zone.enabled() == null || zone.enabled()));
      }
    }
    return zones;
  }

  private static DetectionSchedule schedule(CameraRequest.Schedule given, List<String> problems) {
    if (given == null) {
      return null;
    }
    List<String> days = new ArrayList<>();
    if (given.days() != null) {
      for (String day : given.days()) {
        String value = lower(day);
        if (value == null || !DAYS.contains(value)) {
          problems.add(
              "detection_schedule.days may hold "
                  + String.join(", ", DAYS)
                  + ", got '"
                  + day
                  + "'");
        } else if (!days.contains(value)) {
          days.add(value);
        }
      }
    }
    String start = hours("detection_schedule.start_time", given.startTime(), problems);
    String end = hours("detection_schedule.end_time", given.endTime(), problems);
    String zone = blankToNull(given.timezone()) == null ? "UTC" : given.timezone().strip();
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      problems.add(
          "detection_schedule.timezone must be an IANA time zone such as Europe/Paris or UTC,"
              + " got '"
              + zone
              + "'");
    }
    days.sort((a, b) -> DAYS.indexOf(a) - DAYS.indexOf(b));
    return new DetectionSchedule(
        given.enabled() == null || given.enabled(), days, start, end, zone);
  }

  private static String hours(String field, String given, List<String> problems) {
    String value = blankToNull(given);
    if (value == null) {
      problems.add(field + " is required: HH:mm, e.g. 08:00");
      return null;
    }
    try {
      return LocalTime.parse(value, HOURS).format(HOURS);
    } catch (DateTimeParseException e) {
      problems.add(field + " must be HH:mm (00:00 to 23:59), got '" + value + "'");
      return null;
    }
  }

  private static String oneOf(
      String field, String given, List<String> allowed, String fallback, List<String> problems) {
    String value = lower(given);
    if (value == null) {
      return fallback;
    }
    if (!allowed.contains(value)) {
      problems.add(
          field + " must be one of " + String.join(", ", allowed) + ", got '" + given + "'");
      return fallback;
    }
    return value;
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  private static String lower(String value) {
    return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
