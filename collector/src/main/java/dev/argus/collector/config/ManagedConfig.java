package dev.argus.collector.config;

import dev.argus.collector.camera.DesiredCamera;
import dev.argus.collector.llm.LlmFleet;
import dev.argus.collector.llm.LlmProvider;
import dev.argus.collector.power.device.Device;
import dev.argus.collector.power.device.DeviceConfigMapper;
import dev.argus.collector.protect.DesiredController;
import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.RuntimeConfig;
import dev.argus.contract.config.TargetConfig;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's view of the desired configuration: what {@code argus.config} says so far, and the
 * devices this collector polls as a result ({@link PolledDevices}).
 *
 * <p>The config reader {@link #apply applies} records one by one and then {@link #refresh()}es once
 * per batch, which recomputes the devices, logs what changed (and every device that cannot be
 * polled, with the reason) and tells the {@link TargetsListener}s when the targets this collector
 * probes ({@link ProbedTargets}) changed. The poll plan and the heartbeat read the result from
 * other threads, and so does the LLM job runner its {@link #llmFleet()}: providers with their
 * credentials decrypted, models and the monitoring settings. When the cameras change it tells the
 * {@link CamerasListener}s every camera as this collector sees it ({@link CameraAssignments}), and
 * when the cameras or the Protect controllers change the {@link ProtectListener}s both ({@link
 * ProtectAssignments}).
 */
public final class ManagedConfig {

  private static final Logger log = LoggerFactory.getLogger(ManagedConfig.class);

  private final List<Device> staticDevices;
  private final String collectorId;
  private final boolean acceptUnassigned;
  private final boolean acceptUnassignedTargets;
  private final DeviceConfigMapper mapper;
  private final RuntimeSecrets runtimeSecrets;
  private final List<TargetsListener> targetsListeners;
  private final LlmProviders llmProviders;
  private final CameraAssignments cameraAssignments;
  private final List<CamerasListener> camerasListeners;
  private final ProtectAssignments protectAssignments;
  private final List<ProtectListener> protectListeners;
  private DesiredConfig desired = DesiredConfig.EMPTY;
  private DesiredConfig published;
  private Map<String, String> skippedLogged = Map.of();
  private volatile PolledDevices polled;
  private volatile RuntimeConfig runtime;
  private volatile List<TargetConfig> enabledTargets = List.of();
  private volatile LlmFleet llmFleet = LlmFleet.EMPTY;

  public ManagedConfig(
      List<Device> staticDevices,
      String collectorId,
      boolean acceptUnassigned,
      DeviceConfigMapper mapper,
      RuntimeSecrets runtimeSecrets,
      List<TargetsListener> targetsListeners,
      LlmProviders llmProviders) {
    this(
        staticDevices,
        collectorId,
        acceptUnassigned,
        true,
        mapper,
        runtimeSecrets,
        targetsListeners,
        llmProviders,
        null,
        List.of(),
        null,
        List.of());
  }

  /**
   * @param cameraAssignments decides which cameras run here; null when no camera listener is given
   * @param camerasListeners told the cameras on every change (the camera workers)
   */
  public ManagedConfig(
      List<Device> staticDevices,
      String collectorId,
      boolean acceptUnassigned,
      DeviceConfigMapper mapper,
      RuntimeSecrets runtimeSecrets,
      List<TargetsListener> targetsListeners,
      LlmProviders llmProviders,
      CameraAssignments cameraAssignments,
      List<CamerasListener> camerasListeners) {
    this(
        staticDevices,
        collectorId,
        acceptUnassigned,
        true,
        mapper,
        runtimeSecrets,
        targetsListeners,
        llmProviders,
        cameraAssignments,
        camerasListeners,
        null,
        List.of());
  }

  /**
   * @param acceptUnassigned whether a managed device (or camera) without a collector is run here
   * @param acceptUnassignedTargets whether an uptime target without a collector is probed here
   *     ({@link ProbedTargets})
   * @param protectAssignments decides which Protect controllers run here; null when no Protect
   *     listener is given
   * @param protectListeners told the controllers and cameras on every change of either (the Protect
   *     sessions)
   */
  public ManagedConfig(
      List<Device> staticDevices,
      String collectorId,
      boolean acceptUnassigned,
      boolean acceptUnassignedTargets,
      DeviceConfigMapper mapper,
      RuntimeSecrets runtimeSecrets,
      List<TargetsListener> targetsListeners,
      LlmProviders llmProviders,
      CameraAssignments cameraAssignments,
      List<CamerasListener> camerasListeners,
      ProtectAssignments protectAssignments,
      List<ProtectListener> protectListeners) {
    this.protectAssignments = protectAssignments;
    this.protectListeners = List.copyOf(protectListeners);
    this.cameraAssignments = cameraAssignments;
    this.camerasListeners = List.copyOf(camerasListeners);
    this.staticDevices = List.copyOf(staticDevices);
    this.collectorId = collectorId;
    this.acceptUnassigned = acceptUnassigned;
    this.acceptUnassignedTargets = acceptUnassignedTargets;
    this.mapper = mapper;
    this.runtimeSecrets = runtimeSecrets;
    this.targetsListeners = List.copyOf(targetsListeners);
    this.llmProviders = llmProviders;
    this.polled = new PolledDevices(this.staticDevices, Map.of());
  }

  /** Forgets the records applied so far, before the topic is read again from the beginning. */
  public synchronized void startReading() {
    desired = DesiredConfig.EMPTY;
  }

  /**
   * Takes one record of the topic into account; {@link #refresh()} makes it effective.
   *
   * @throws IllegalArgumentException when the record does not fit its key; nothing changes then
   */
  public synchronized void apply(String key, ConfigEntry value) {
    desired = desired.apply(key, value);
  }

  /**
   * Makes the records applied so far effective; the first call always tells the target listeners.
   */
  public synchronized void refresh() {
    if (desired.equals(published)) {
      return;
    }
    boolean first = published == null;
    if (first || !desired.devices().equals(published.devices())) {
      updateDevices();
    }
    if (first || !Objects.equals(desired.runtime(), published.runtime())) {
      runtime = runtimeSecrets.decrypted(desired.runtime());
      log.info("Runtime configuration: {}", describe(desired.runtime()));
    }
    List<TargetConfig> targets =
        ProbedTargets.select(desired.targets().values(), collectorId, acceptUnassignedTargets);
    if (first || !targets.equals(enabledTargets)) {
      if (first || !targetIds(targets).equals(targetIds(enabledTargets))) {
        log.info(
            "Targets to probe: {} of {} on argus.config",
            targetIds(targets),
            desired.targets().size());
      }
      enabledTargets = targets;
      notifyTargetsListeners(targets);
    }
    if (first || llmChanged()) {
      updateLlmFleet();
    }
    if ((first || !desired.cameras().equals(published.cameras())) && cameraAssignments != null) {
      notifyCamerasListeners(cameraAssignments.desired(desired.cameras().values()));
    }
    if ((first
            || !desired.cameras().equals(published.cameras())
            || !desired.protectControllers().equals(published.protectControllers()))
        && protectAssignments != null) {
      notifyProtectListeners(
          protectAssignments.desired(desired.protectControllers().values()),
          List.copyOf(desired.cameras().values()));
    }
    published = desired;
  }

  /**
   * The devices to poll: static ones, then the managed ones for this collector that can be polled.
   */
  public PolledDevices polledDevices() {
    return polled;
  }

  /** The runtime settings from {@code argus.config}, or null while none were ever published. */
  public RuntimeConfig runtime() {
    return runtime;
  }

  /**
   * The enabled uptime targets this collector probes: its own and, when it accepts them, those
   * assigned to no collector ({@link ProbedTargets}).
   */
  public List<TargetConfig> enabledTargets() {
    return enabledTargets;
  }

  /** The LLM providers, models and monitoring settings, for the next LLM job. */
  public LlmFleet llmFleet() {
    return llmFleet;
  }

  private boolean llmChanged() {
    return !desired.llmProviders().equals(published.llmProviders())
        || !desired.llmModels().equals(published.llmModels())
        || !Objects.equals(desired.llmMonitoring(), published.llmMonitoring());
  }

  private void updateLlmFleet() {
    Map<String, LlmProvider> providers = new LinkedHashMap<>();
    desired
        .llmProviders()
        .forEach(
            (id, config) -> {
              LlmProvider provider = llmProviders.usable(config);
              if (provider.problem() != null) {
                log.warn(
                    "LLM provider {} from argus.config cannot be probed: {}",
                    id,
                    provider.problem());
              }
              providers.put(id, provider);
            });
    llmFleet = new LlmFleet(providers, desired.llmModels(), desired.llmMonitoring());
    log.info(
        "LLM configuration: {} provider(s) ({} enabled), {} model(s) ({} monitored), monitoring {}",
        providers.size(),
        providers.values().stream().filter(LlmProvider::enabled).count(),
        llmFleet.models().size(),
        llmFleet.monitoredModels().size(),
        desired.llmMonitoring() == null ? "defaults (none published)" : llmFleet.monitoring());
  }

  private void updateDevices() {
    PolledDevices merged =
        PolledDevices.merge(
            staticDevices, desired.devices().values(), collectorId, acceptUnassigned, mapper);
    Map<String, String> stillSkipped = new HashMap<>();
    merged
        .skipped()
        .forEach(
            (id, reason) -> {
              if (!reason.equals(skippedLogged.get(id))) {
                log.warn("Device '{}' from argus.config is not polled: {}", id, reason);
              }
              stillSkipped.put(id, reason);
            });
    skippedLogged = stillSkipped;
    if (!ids(merged.devices()).equals(ids(polled.devices()))) {
      log.info("Devices to poll from the next cycle: {}", ids(merged.devices()));
    }
    polled = merged;
  }

  private static List<Long> targetIds(List<TargetConfig> targets) {
    return targets.stream().map(TargetConfig::id).toList();
  }

  private static List<String> ids(List<Device> devices) {
    return devices.stream().map(Device::id).toList();
  }

  private void notifyTargetsListeners(List<TargetConfig> targets) {
    for (TargetsListener listener : targetsListeners) {
      try {
        listener.targetsChanged(targets);
      } catch (RuntimeException e) {
        // One failing listener must neither stop the config reader nor the other listeners.
        log.error("A targets listener failed on {} target(s)", targets.size(), e);
      }
    }
  }

  private void notifyCamerasListeners(List<DesiredCamera> cameras) {
    for (CamerasListener listener : camerasListeners) {
      try {
        listener.camerasChanged(cameras);
      } catch (RuntimeException e) {
        log.error("A cameras listener failed on {} camera(s)", cameras.size(), e);
      }
    }
  }

  private void notifyProtectListeners(
      List<DesiredController> controllers, List<CameraConfig> cameras) {
    for (ProtectListener listener : protectListeners) {
      try {
        listener.protectChanged(controllers, cameras);
      } catch (RuntimeException e) {
        log.error("A Protect listener failed on {} controller(s)", controllers.size(), e);
      }
    }
  }

  private static String describe(RuntimeConfig runtime) {
    if (runtime == null) {
      return "none published; the environment's poll interval applies";
    }
    var server = ConfiguredPollPlan.discoveryServer(runtime);
    String discovery = server == null ? "off" : server.host() + ":" + server.port();
    return "poll interval "
        + runtime.pollIntervalMinutes()
        + " min, scheduled polls "
        + (runtime.schedulerPaused() ? "paused" : "running")
        + ", discovery "
        + discovery;
  }
}
