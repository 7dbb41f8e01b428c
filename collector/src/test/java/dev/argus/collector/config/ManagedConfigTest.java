package dev.argus.collector.config;

import static dev.argus.collector.config.DesiredConfigTest.device;
import static dev.argus.collector.config.DesiredConfigTest.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.collector.llm.LlmFleet;
import dev.argus.collector.nut.NutClientSettings;
import dev.argus.collector.power.device.Device;
import dev.argus.collector.power.device.DeviceConfigMapper;
import dev.argus.collector.power.device.NutDevice;
import dev.argus.collector.power.discovery.NutServer;
import dev.argus.collector.power.discovery.NutUpsDiscovery;
import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.camera.ProtectControllerConfig;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.config.RuntimeConfig;
import dev.argus.contract.config.TargetConfig;
import dev.argus.contract.llm.LlmModelConfig;
import dev.argus.contract.llm.LlmMonitoringConfig;
import dev.argus.contract.llm.LlmProviderConfig;
import dev.argus.contract.secrets.SecretContext;
import dev.argus.contract.testing.TestSecrets;
import dev.argus.llm.client.ProviderType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManagedConfigTest {

  private static final NutDevice STATIC_UPS =
      NutDevice.of("ups-static", null, "10.0.0.1", null, "sim", null, null, null, true);

  private final List<List<Long>> targetNotifications = new ArrayList<>();
  private final TargetsListener recording =
      targets -> targetNotifications.add(targets.stream().map(TargetConfig::id).toList());
  private final TargetsListener failing =
      targets -> {
        throw new IllegalStateException("listener bug");
      };
  private final ManagedConfig config =
      new ManagedConfig(
          List.of(STATIC_UPS),
          "c1",
          true,
          new DeviceConfigMapper(TestSecrets.CIPHER),
          new RuntimeSecrets(TestSecrets.CIPHER),
          List.of(failing, recording),
          new LlmProviders(TestSecrets.CIPHER));
  private final ConfiguredPollPlan plan =
      new ConfiguredPollPlan(
          config,
          Duration.ofSeconds(30),
          new NutUpsDiscovery(
              NutClientSettings.withTimeouts(Duration.ofMillis(200), Duration.ofMillis(200))));

  private static RuntimeConfig runtime(
      int minutes,
      boolean paused,
      boolean scanningDisabled,
      String nutHost,
      String user,
      String password) {
    return new RuntimeConfig(
        minutes,
        List.of(),
        scanningDisabled,
        paused,
        nutHost,
        null,
        user,
        password,
        null,
        null,
        null,
        null);
  }

  @Test
  void withoutRuntimeSettingsTheEnvironmentAppliesAndOnlyStaticDevicesArePolled() {
    config.refresh();

    assertThat(plan.pollInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(plan.paused()).isFalse();
    assertThat(plan.devicesForCycle()).containsExactly(STATIC_UPS);
    assertThat(plan.devicesConfigured()).isEqualTo(1);
  }

  @Test
  void appliedRecordsTakeEffectOnRefresh() {
    // Given
    config.refresh();
    config.apply(ConfigKeys.device("api-1"), ConfigEntry.of(device("api-1")));
    config.apply(ConfigKeys.RUNTIME, ConfigEntry.of(runtime(2, true, true, null, null, null)));
    assertThat(plan.devicesConfigured()).isEqualTo(1);

    // When
    config.refresh();

    // Then
    assertThat(plan.devicesForCycle())
        .extracting(Device::id)
        .containsExactly("ups-static", "api-1");
    assertThat(plan.pollInterval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(plan.paused()).isTrue();

    // When the device is deleted and the runtime settings are removed
    config.apply(ConfigKeys.device("api-1"), null);
    config.apply(ConfigKeys.RUNTIME, null);
    config.refresh();

    // Then
    assertThat(plan.devicesForCycle()).containsExactly(STATIC_UPS);
    assertThat(plan.pollInterval()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void tellsTheTargetsListenersOnceAtFirstAndThenOnlyWhenTheEnabledTargetsChange() {
    config.refresh();
    config.apply(ConfigKeys.target(7), ConfigEntry.of(target(7, true)));
    config.refresh();
    config.apply(ConfigKeys.device("api-1"), ConfigEntry.of(device("api-1")));
    config.apply(ConfigKeys.target(8), ConfigEntry.of(target(8, false)));
    config.refresh();
    config.apply(ConfigKeys.target(7), null);
    config.refresh();

    assertThat(targetNotifications).containsExactly(List.of(), List.of(7L), List.of());
    assertThat(config.enabledTargets()).isEmpty();
  }

  @Test
  void probesOnlyItsOwnTargetsWhenItRefusesUnassignedOnesAndFollowsReassignments() {
    // Given collector c1 that probes only the targets assigned to it
    var ownOnly =
        new ManagedConfig(
            List.of(),
            "c1",
            true,
            false,
            new DeviceConfigMapper(TestSecrets.CIPHER),
            new RuntimeSecrets(TestSecrets.CIPHER),
            List.of(recording),
            new LlmProviders(TestSecrets.CIPHER),
            null,
            List.of(),
            null,
            List.of());
    ownOnly.apply(ConfigKeys.target(1), ConfigEntry.of(target(1, true, null)));
    ownOnly.apply(ConfigKeys.target(2), ConfigEntry.of(target(2, true, "c1")));
    ownOnly.apply(ConfigKeys.target(3), ConfigEntry.of(target(3, true, "c2")));
    ownOnly.refresh();

    // When target 3 moves to c1 and target 2 to c2
    ownOnly.apply(ConfigKeys.target(3), ConfigEntry.of(target(3, true, "c1")));
    ownOnly.apply(ConfigKeys.target(2), ConfigEntry.of(target(2, true, "c2")));
    ownOnly.refresh();

    // Then the listeners were told c1's targets each time, and only those are probed
    assertThat(targetNotifications).containsExactly(List.of(2L), List.of(3L));
    assertThat(ownOnly.enabledTargets()).extracting(TargetConfig::id).containsExactly(3L);
  }

  @Test
  void rereadingFromTheBeginningForgetsWhatWasDeletedMeanwhile() {
    config.apply(ConfigKeys.device("api-1"), ConfigEntry.of(device("api-1")));
    config.refresh();

    config.startReading();
    config.apply(ConfigKeys.device("api-2"), ConfigEntry.of(device("api-2")));
    config.refresh();

    assertThat(config.polledDevices().devices())
        .extracting(Device::id)
        .containsExactly("ups-static", "api-2");
  }

  @Test
  void discoversOnTheRuntimeNutHostUnlessScanningIsDisabled() {
    assertThat(ConfiguredPollPlan.discoveryServer(null)).isNull();
    assertThat(ConfiguredPollPlan.discoveryServer(runtime(5, false, true, "10.0.0.3", null, null)))
        .isNull();
    assertThat(ConfiguredPollPlan.discoveryServer(runtime(5, false, false, " ", null, null)))
        .isNull();
    assertThat(
            ConfiguredPollPlan.discoveryServer(runtime(5, false, false, "10.0.0.3", "mon", "pw")))
        .isEqualTo(new NutServer("10.0.0.3", 3493, "mon", "pw"));
    // NUT sends PASSWORD only after USERNAME: a lone password is dropped rather than failing every
    // poll.
    assertThat(ConfiguredPollPlan.discoveryServer(runtime(5, false, false, "10.0.0.3", null, "pw")))
        .isEqualTo(new NutServer("10.0.0.3", 3493, null, null));
  }

  @Test
  void theRuntimeNutPasswordIsDecryptedForDiscoveryAndDroppedWhenItCannotBe() {
    String envelope = TestSecrets.CIPHER.encrypt("pw", SecretContext.runtimeField("nut_password"));
    config.apply(
        ConfigKeys.RUNTIME, ConfigEntry.of(runtime(5, false, false, "10.0.0.3", "mon", envelope)));
    config.refresh();

    assertThat(ConfiguredPollPlan.discoveryServer(config.runtime()))
        .isEqualTo(new NutServer("10.0.0.3", 3493, "mon", "pw"));

    // When the envelope belongs to another field
    String misplaced = TestSecrets.CIPHER.encrypt("pw", SecretContext.runtimeField("other"));
    config.apply(
        ConfigKeys.RUNTIME, ConfigEntry.of(runtime(5, false, false, "10.0.0.3", "mon", misplaced)));
    config.refresh();

    // Then discovery goes on without a password
    assertThat(ConfiguredPollPlan.discoveryServer(config.runtime()))
        .isEqualTo(new NutServer("10.0.0.3", 3493, "mon", null));
  }

  @Test
  void llmProviderCredentialsAreDecryptedAndAProviderThatCannotBeUsedSaysWhy() {
    String key =
        TestSecrets.CIPHER.encrypt("sk-secret", SecretContext.llmProviderField("p-1", "api_key"));
    // copied from provider p-1: bound to it, so it does not decrypt for p-2
    config.apply(
        ConfigKeys.llmProvider("p-1"),
        ConfigEntry.of(
            new LlmProviderConfig(
                "p-1", "openai", "OpenAI", true, null, null, Map.of("api_key", key), Map.of())));
    config.apply(
        ConfigKeys.llmProvider("p-2"),
        ConfigEntry.of(
            new LlmProviderConfig(
                "p-2", "openai", "Copy", true, null, null, Map.of("api_key", key), Map.of())));
    config.apply(
        ConfigKeys.llmProvider("p-3"),
        ConfigEntry.of(
            new LlmProviderConfig("p-3", "no-such-type", null, false, null, null, null, null)));
    config.apply(
        ConfigKeys.llmModel("m-1"),
        ConfigEntry.of(
            new LlmModelConfig("m-1", "p-1", "gpt-4.1", null, true, true, null, null, null)));
    config.refresh();

    LlmFleet fleet = config.llmFleet();
    assertThat(fleet.providers().get("p-1").spec().apiKey()).isEqualTo("sk-secret");
    assertThat(fleet.providers().get("p-1").spec().type()).isEqualTo(ProviderType.OPENAI);
    assertThat(fleet.providers().get("p-2").problem())
        .contains("llm-provider:p-2:api_key failed authentication")
        .doesNotContain("sk-secret");
    assertThat(fleet.providers().get("p-3").problem())
        .contains("provider_type 'no-such-type' is unknown");
    assertThat(fleet.providers().values().toString()).doesNotContain("sk-secret");
    assertThat(fleet.monitoredModels()).extracting(LlmModelConfig::id).containsExactly("m-1");
    assertThat(fleet.monitoring()).isEqualTo(LlmMonitoringConfig.defaults());
  }

  @Test
  void tellsTheCamerasListenersEveryCameraOnceAtFirstAndThenOnlyWhenTheCamerasChange() {
    List<List<String>> told = new ArrayList<>();
    var withCameras =
        new ManagedConfig(
            List.of(),
            "c1",
            true,
            new DeviceConfigMapper(TestSecrets.CIPHER),
            new RuntimeSecrets(TestSecrets.CIPHER),
            List.of(),
            new LlmProviders(TestSecrets.CIPHER),
            new CameraAssignments("c1", true, TestSecrets.CIPHER),
            List.of(
                cameras -> {
                  throw new IllegalStateException("listener bug");
                },
                cameras ->
                    told.add(
                        cameras.stream()
                            .map(c -> c.id() + (c.runsHere() ? " runs" : " not here"))
                            .toList())));
    withCameras.refresh();
    withCameras.apply(
        ConfigKeys.camera("cam-1"),
        ConfigEntry.of(DesiredConfigTest.camera("cam-1", null, Map.of())));
    withCameras.apply(
        ConfigKeys.camera("cam-2"),
        ConfigEntry.of(DesiredConfigTest.camera("cam-2", "c2", Map.of())));
    withCameras.refresh();
    withCameras.apply(ConfigKeys.device("api-1"), ConfigEntry.of(device("api-1")));
    withCameras.refresh();
    withCameras.apply(ConfigKeys.camera("cam-1"), null);
    withCameras.refresh();

    assertThat(told)
        .containsExactly(
            List.of(), List.of("cam-1 runs", "cam-2 not here"), List.of("cam-2 not here"));
  }

  @Test
  void tellsTheProtectListenersControllersAndCamerasWhenEitherChanges() {
    List<String> told = new ArrayList<>();
    var assignments = new CameraAssignments("c1", true, TestSecrets.CIPHER);
    var withProtect =
        new ManagedConfig(
            List.of(),
            "c1",
            true,
            true,
            new DeviceConfigMapper(TestSecrets.CIPHER),
            new RuntimeSecrets(TestSecrets.CIPHER),
            List.of(),
            new LlmProviders(TestSecrets.CIPHER),
            assignments,
            List.of(),
            new ProtectAssignments(assignments, TestSecrets.CIPHER),
            List.of(
                (controllers, cameras) -> {
                  throw new IllegalStateException("listener bug");
                },
                (controllers, cameras) ->
                    told.add(
                        controllers.stream()
                                .map(c -> c.id() + (c.runsHere() ? " runs" : " not here"))
                                .toList()
                            + " "
                            + cameras.stream().map(CameraConfig::id).toList())));
    String password =
        TestSecrets.CIPHER.encrypt("pw", SecretContext.protectControllerField("p-1", "password"));
    var controller =
        new ProtectControllerConfig(
            "p-1",
            "NVR",
            "10.0.0.9",
            443,
            "argus",
            Map.of("password", password),
            false,
            true,
            null);

    withProtect.refresh();
    withProtect.apply(ConfigKeys.protectController("p-1"), ConfigEntry.of(controller));
    withProtect.refresh();
    withProtect.apply(
        ConfigKeys.camera("cam-1"),
        ConfigEntry.of(DesiredConfigTest.camera("cam-1", null, Map.of())));
    withProtect.refresh();
    withProtect.apply(ConfigKeys.device("api-1"), ConfigEntry.of(device("api-1")));
    withProtect.refresh();

    assertThat(told).containsExactly("[] []", "[p-1 runs] []", "[p-1 runs] [cam-1]");
  }
}
