package dev.argus.api.config;

import dev.argus.contract.config.RuntimeConfig;
import dev.argus.contract.net.OutboundAddressGuard;
import dev.argus.contract.net.UnsafeDestinationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Applies the body of {@code PUT /api/config} to the current settings. A field the body leaves out
 * keeps its value, so a client that knows only the seed's six fields does not reset the thresholds,
 * and a client that does not resend {@code nut_password} (GET never shows it) keeps it; an explicit
 * null clears an optional field (a null threshold means "the service's default"). Every problem is
 * collected, so one 422 names them all.
 */
final class RuntimeConfigUpdate {

  /** Exporters a deployment can enable. */
  static final Set<String> KNOWN_EXPORTERS = Set.of("postgres", "energy", "prometheus");

  /**
   * The seed's storage exporter; Argus stores in PostgreSQL, so it is accepted as an alias and
   * saved (and returned) as {@code postgres}.
   */
  static final String SEED_STORAGE_EXPORTER = "sqlite";

  /** Fields GET returns that are not settings; a GET-modify-PUT client sends them back. */
  private static final Set<String> READ_ONLY = Set.of("nut_password_set", "updated_at");

  private static final Set<String> FIELDS =
      Set.of(
          "poll_interval_minutes",
          "enabled_exporters",
          "scanning_disabled",
          "scheduler_paused",
          "nut_host",
          "nut_port",
          "nut_username",
          "nut_password",
          "device_offline_missed_polls",
          "shutdown_battery_floor_pct",
          "load_limit_pct",
          "temperature_limit_c");

  private final JsonNode body;
  private final List<String> problems = new ArrayList<>();

  private RuntimeConfigUpdate(JsonNode body) {
    this.body = body;
  }

  /**
   * @throws InvalidRuntimeConfigException naming every invalid field
   */
  static RuntimeConfig apply(RuntimeConfig current, JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidRuntimeConfigException(List.of("the body must be a JSON object"));
    }
    return new RuntimeConfigUpdate(body).applyTo(current);
  }

  private RuntimeConfig applyTo(RuntimeConfig current) {
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      if (!FIELDS.contains(field.getKey()) && !READ_ONLY.contains(field.getKey())) {
        problems.add("unknown field '" + field.getKey() + "'");
      }
    }
    int pollInterval =
        required("poll_interval_minutes", current.pollIntervalMinutes(), this::pollInterval);
    List<String> exporters =
        required("enabled_exporters", current.enabledExporters(), this::exporters);
    boolean scanningDisabled =
        required(
            "scanning_disabled", current.scanningDisabled(), n -> bool("scanning_disabled", n));
    boolean schedulerPaused =
        required("scheduler_paused", current.schedulerPaused(), n -> bool("scheduler_paused", n));
    String nutHost = optional("nut_host", current.nutHost(), this::nutHost);
    Integer nutPort =
        optional("nut_port", current.nutPort(), n -> integer("nut_port", n, 1, 65_535));
    String nutUsername =
        optional("nut_username", current.nutUsername(), n -> text("nut_username", n));
    String nutPassword =
        optional("nut_password", current.nutPassword(), n -> text("nut_password", n));
    Integer missedPolls =
        optional(
            "device_offline_missed_polls",
            current.deviceOfflineMissedPolls(),
            n -> integer("device_offline_missed_polls", n, 1, 1_000));
    Double batteryFloor =
        optional(
            "shutdown_battery_floor_pct",
            current.shutdownBatteryFloorPct(),
            n -> number("shutdown_battery_floor_pct", n, 0, 100));
    Double loadLimit =
        optional(
            "load_limit_pct", current.loadLimitPct(), n -> number("load_limit_pct", n, 1, 100));
    Double temperatureLimit =
        optional(
            "temperature_limit_c",
            current.temperatureLimitC(),
            n -> number("temperature_limit_c", n, -40, 150));
    if (!problems.isEmpty()) {
      throw new InvalidRuntimeConfigException(problems);
    }
    return new RuntimeConfig(
        pollInterval,
        exporters,
        scanningDisabled,
        schedulerPaused,
        nutHost,
        nutPort,
        nutUsername,
        nutPassword,
        missedPolls,
        batteryFloor,
        loadLimit,
        temperatureLimit);
  }

  private <T> T required(String name, T current, Function<JsonNode, T> parse) {
    JsonNode node = body.get(name);
    if (node == null) {
      return current;
    }
    if (node.isNull()) {
      problems.add(name + " must not be null");
      return current;
    }
    T value = parse.apply(node);
    return value == null ? current : value;
  }

  private <T> T optional(String name, T current, Function<JsonNode, T> parse) {
    JsonNode node = body.get(name);
    if (node == null) {
      return current;
    }
    return node.isNull() ? null : parse.apply(node);
  }

  private Integer pollInterval(JsonNode node) {
    return integer(
        "poll_interval_minutes",
        node,
        RuntimeConfig.MIN_POLL_INTERVAL_MINUTES,
        RuntimeConfig.MAX_POLL_INTERVAL_MINUTES);
  }

  private List<String> exporters(JsonNode node) {
    if (!node.isArray()) {
      problems.add("enabled_exporters must be a list, e.g. [\"postgres\", \"energy\"]");
      return null;
    }
    Set<String> exporters = new LinkedHashSet<>();
    for (JsonNode element : node.values()) {
      String name = element.isString() ? element.stringValue() : null;
      if (SEED_STORAGE_EXPORTER.equals(name)) {
        name = "postgres";
      }
      if (name == null || !KNOWN_EXPORTERS.contains(name)) {
        problems.add(
            "enabled_exporters may hold postgres, energy, prometheus (sqlite means postgres), got "
                + element);
      } else {
        exporters.add(name);
      }
    }
    return List.copyOf(exporters);
  }

  /** Discovery connects to it, so it meets the same address rules as a device's host. */
  private String nutHost(JsonNode node) {
    String host = text("nut_host", node);
    if (host != null) {
      try {
        OutboundAddressGuard.check("nut_host", host);
      } catch (UnsafeDestinationException e) {
        problems.add(e.getMessage());
        return null;
      }
    }
    return host;
  }

  private Boolean bool(String name, JsonNode node) {
    if (!node.isBoolean()) {
      problems.add(name + " must be true or false, got " + node);
      return null;
    }
    return node.booleanValue();
  }

  private String text(String name, JsonNode node) {
    if (!node.isString()) {
      problems.add(name + " must be a string, got " + node);
      return null;
    }
    String value = node.stringValue().strip();
    if (value.length() > 255) {
      problems.add(name + " must be at most 255 characters");
      return null;
    }
    return value.isEmpty() ? null : value;
  }

  private Integer integer(String name, JsonNode node, int min, int max) {
    if (!node.isIntegralNumber()
        || !node.canConvertToInt()
        || node.intValue() < min
        || node.intValue() > max) {
      problems.add(name + " must be an integer between " + min + " and " + max + ", got " + node);
      return null;
    }
    return node.intValue();
  }

  private Double number(String name, JsonNode node, double min, double max) {
    if (!node.isNumber() || node.doubleValue() < min || node.doubleValue() > max) {
      problems.add(
          name + " must be a number between " + fmt(min) + " and " + fmt(max) + ", got " + node);
      return null;
    }
    return node.doubleValue();
  }

  private static String fmt(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
