package dev.argus.collector.system;

import dev.argus.camera.ffmpeg.Ffmpeg;
import dev.argus.camera.source.CameraSources;
import dev.argus.camera.source.FrameSourceFactory;
import dev.argus.collector.camera.CameraSettings;
import dev.argus.collector.camera.CameraWorkers;
import dev.argus.collector.camera.DetectorSettings;
import dev.argus.collector.camera.ReadingDetector;
import dev.argus.collector.commands.CommandReader;
import dev.argus.collector.commands.LlmJobReader;
import dev.argus.collector.config.CameraAssignments;
import dev.argus.collector.config.CamerasListener;
import dev.argus.collector.config.ConfigTopicReader;
import dev.argus.collector.config.ConfiguredPollPlan;
import dev.argus.collector.config.LlmProviders;
import dev.argus.collector.config.ManagedConfig;
import dev.argus.collector.config.ProtectAssignments;
import dev.argus.collector.config.ProtectListener;
import dev.argus.collector.config.RuntimeSecrets;
import dev.argus.collector.config.TargetsListener;
import dev.argus.collector.kafka.BrokerStartup;
import dev.argus.collector.kafka.CameraReadingsPublisher;
import dev.argus.collector.kafka.KafkaClients;
import dev.argus.collector.kafka.LlmResultsPublisher;
import dev.argus.collector.kafka.ProducerSettings;
import dev.argus.collector.kafka.TopicPublisher;
import dev.argus.collector.llm.LlmJobRunner;
import dev.argus.collector.metrics.PollCount;
import dev.argus.collector.nut.NutClientSettings;
import dev.argus.collector.power.NutPowerPoller;
import dev.argus.collector.power.NutVariablesMapper;
import dev.argus.collector.power.PowerPoller;
import dev.argus.collector.power.SnmpPowerPoller;
import dev.argus.collector.power.SnmpReadingMapper;
import dev.argus.collector.power.device.DeviceConfigMapper;
import dev.argus.collector.power.discovery.NutUpsDiscovery;
import dev.argus.collector.power.schedule.PollCycleRunner;
import dev.argus.collector.power.schedule.PollScheduler;
import dev.argus.collector.probe.ProbeScheduler;
import dev.argus.collector.probe.ProbeSettings;
import dev.argus.collector.probe.TargetProber;
import dev.argus.collector.protect.ProtectConnector;
import dev.argus.collector.protect.ProtectSessions;
import dev.argus.collector.protect.ProtectSettings;
import dev.argus.collector.status.HeartbeatPublisher;
import dev.argus.contract.BrokerWait;
import dev.argus.contract.Topics;
import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.MotionReading;
import dev.argus.contract.camera.ProtectControllerStatus;
import dev.argus.contract.collector.CollectorHeartbeat;
import dev.argus.contract.kafka.BrokerWaitSettings;
import dev.argus.contract.kafka.KafkaSettings;
import dev.argus.contract.llm.BenchmarkEvent;
import dev.argus.contract.llm.LlmProbeReading;
import dev.argus.contract.power.PowerReading;
import dev.argus.contract.probe.ProbeResult;
import dev.argus.llm.client.ProviderClients;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Wires the collector: Kafka clients (the topics are created, waiting for the broker as long as it
 * takes, before any reader, scheduler or worker starts: {@link BrokerStartup}), the configuration
 * read from {@code argus.config} (devices, runtime settings, and targets for any {@link
 * TargetsListener} bean), the NUT and SNMP pollers, the poll scheduler and its cycle runner, the
 * uptime-target probes, the heartbeat, the command reader, and the LLM job reader with its runner
 * (providers and models from {@code argus.config}, one shared HTTP client), and the camera workers
 * (cameras from {@code argus.config}, frames through a {@link FrameSourceFactory}), and the UniFi
 * Protect sessions (controllers and their cameras from {@code argus.config}). Start-up reads the
 * configuration topic before the first cycle. On shutdown Spring stops the command reader, the
 * heartbeat, the scheduler and then the configuration reader, and finally closes the producers,
 * which delivers what they still buffer.
 */
@Configuration(proxyBeanMethods = false)
@Import(CollectorSettingsConfiguration.class)
class CollectorConfiguration {

  // How long start-up waits for the configuration topic and the command topic's assignment.
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);
  private static final Duration CONFIG_CATCH_UP = Duration.ofSeconds(10);
  private static final Logger log = LoggerFactory.getLogger(CollectorConfiguration.class);

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  KafkaClients kafkaClients(
      KafkaSettings kafka,
      ProducerSettings producers,
      CollectorProperties collector,
      MeterRegistry registry) {
    log.info(
        "Collector {} publishing to Kafka at {}",
        collector.collectorId(),
        kafka.bootstrapServers());
    return new KafkaClients(kafka, collector.collectorId(), producers, registry);
  }

  /** Holds every reader, scheduler and worker until the topics exist, however long that takes. */
  @Bean
  BrokerStartup brokerStartup(KafkaSettings kafka, BrokerWaitSettings wait, KafkaClients clients) {
    return new BrokerStartup(new BrokerWait(kafka, wait, clients.adminClientId()));
  }

  @Bean(destroyMethod = "close")
  TopicPublisher<String, PowerReading> readingPublisher(KafkaClients clients) {
    return clients.publisher(Topics.READINGS_POWER);
  }

  @Bean(destroyMethod = "close")
  TopicPublisher<String, CollectorHeartbeat> heartbeatPublisher(KafkaClients clients) {
    return clients.publisher(Topics.COLLECTOR_STATUS);
  }

  @Bean(destroyMethod = "close")
  TopicPublisher<String, ProbeResult> probeResultPublisher(KafkaClients clients) {
    return clients.publisher(Topics.READINGS_PROBE);
  }

  /** Targets arrive through {@link ProbeScheduler#targetsChanged}, from the config topic. */
  @Bean
  ProbeScheduler probeScheduler(
      CollectorProperties collector,
      ProbeSettings probes,
      TopicPublisher<String, ProbeResult> probeResultPublisher,
      PollCount polls,
      Clock clock) {
    return new ProbeScheduler(
        TargetProber.create(probes, collector.collectorId(), clock),
        result -> {
          polls.add("target", result.up());
          probeResultPublisher.publish(result.key(), result);
        },
        probes.maxInFlight());
  }

  /** The probe scheduler follows the enabled targets of {@code argus.config}. */
  @Bean
  TargetsListener probedTargets(ProbeScheduler probeScheduler) {
    return probeScheduler::targetsChanged;
  }

  @Bean
  ManagedConfig managedConfig(
      CollectorProperties collector,
      SecretsSettings secrets,
      ObjectProvider<TargetsListener> targetsListeners,
      ObjectProvider<CamerasListener> camerasListeners,
      ObjectProvider<ProtectListener> protectListeners) {
    collector.configuredDevices().forEach(device -> log.info("Configured {}", device));
    log.info("Credentials from argus.config are decrypted with {}", secrets);
    var cipher = secrets.cipher();
    var cameraAssignments =
        new CameraAssignments(collector.collectorId(), collector.acceptUnassignedDevices(), cipher);
    return new ManagedConfig(
        collector.configuredDevices(),
        collector.collectorId(),
        collector.acceptUnassignedDevices(),
        collector.acceptUnassignedTargets(),
        new DeviceConfigMapper(cipher),
        new RuntimeSecrets(cipher),
        targetsListeners.orderedStream().toList(),
        new LlmProviders(cipher),
        cameraAssignments,
        camerasListeners.orderedStream().toList(),
        new ProtectAssignments(cameraAssignments, cipher),
        protectListeners.orderedStream().toList());
  }

  @Bean
  ConfigTopicReader configTopicReader(KafkaClients clients, ManagedConfig managedConfig) {
    return new ConfigTopicReader(clients::configConsumer, managedConfig, STARTUP_WAIT);
  }

  @Bean
  ConfiguredPollPlan pollPlan(CollectorProperties collector, ManagedConfig managedConfig) {
    return new ConfiguredPollPlan(
        managedConfig,
        collector.pollInterval(),
        new NutUpsDiscovery(
            NutClientSettings.withTimeouts(collector.connectTimeout(), collector.readTimeout())));
  }

  @Bean
  PowerPoller powerPoller(CollectorProperties collector, ConfiguredPollPlan pollPlan, Clock clock) {
    // Readings state the interval in force when they are taken: the runtime configuration may
    // change it.
    LongSupplier pollIntervalSeconds = () -> pollPlan.pollInterval().toSeconds();
    return new PowerPoller(
        new NutPowerPoller(
            NutClientSettings.withTimeouts(collector.connectTimeout(), collector.readTimeout()),
            new NutVariablesMapper(),
            collector.collectorId(),
            pollIntervalSeconds,
            clock),
        new SnmpPowerPoller(
            new SnmpReadingMapper(), collector.collectorId(), pollIntervalSeconds, clock));
  }

  @Bean
  PollScheduler pollScheduler(
      CollectorProperties collector,
      ConfiguredPollPlan pollPlan,
      PowerPoller poller,
      TopicPublisher<String, PowerReading> readingPublisher,
      PollCount polls,
      Clock clock) {
    return new PollScheduler(
        pollPlan,
        new PollCycleRunner(poller, readingPublisher, collector.pollDeadline(), clock, polls));
  }

  @Bean
  HeartbeatPublisher heartbeats(
      CollectorProperties collector,
      PollScheduler scheduler,
      ManagedConfig managedConfig,
      TopicPublisher<String, CollectorHeartbeat> heartbeatPublisher,
      Clock clock) {
    var heartbeats =
        new HeartbeatPublisher(
            collector.collectorId(),
            scheduler,
            heartbeatPublisher,
            collector.heartbeatInterval(),
            clock,
            () -> managedConfig.enabledTargets().size());
    scheduler.onCycleStartOrEnd(heartbeats::publishNow);
    return heartbeats;
  }

  @Bean(destroyMethod = "close")
  TopicPublisher<String, LlmProbeReading> llmReadingPublisher(KafkaClients clients) {
    return clients.publisher(Topics.READINGS_LLM);
  }

  @Bean(destroyMethod = "close")
  TopicPublisher<String, BenchmarkEvent> benchmarkEventPublisher(KafkaClients clients) {
    return clients.publisher(Topics.LLM_BENCHMARK);
  }

  /** One HTTP client for every LLM probe: it owns a selector thread and a connection pool. */
  @Bean(destroyMethod = "shutdownNow")
  HttpClient llmHttpClient() {
    return ProviderClients.httpClient();
  }

  @Bean
  LlmJobRunner llmJobRunner(
      CollectorProperties collector,
      LlmProbeSettings llmProbes,
      ManagedConfig managedConfig,
      HttpClient llmHttpClient,
      TopicPublisher<String, LlmProbeReading> llmReadingPublisher,
      TopicPublisher<String, BenchmarkEvent> benchmarkEventPublisher,
      PollCount polls,
      Clock clock) {
    return new LlmJobRunner(
        managedConfig::llmFleet,
        spec -> ProviderClients.create(spec, llmHttpClient),
        new LlmResultsPublisher(llmReadingPublisher, benchmarkEventPublisher, polls),
        collector.collectorId(),
        clock,
        llmProbes.maxInFlight());
  }

  @Bean
  LlmJobReader llmJobReader(
      KafkaClients clients, LlmJobRunner llmJobRunner, ConfigTopicReader configTopicReader) {
    return new LlmJobReader(
        clients::llmJobConsumer,
        job -> {
          // The api publishes a change (a model just enabled) before the job that follows it:
          // read the configuration up to now first, so that the job sees the change.
          if (!configTopicReader.awaitCaughtUp(CONFIG_CATCH_UP)) {
            log.warn(
                "LLM job {}: the configuration topic was not read up to now within {}; running"
                    + " with what is known",
                job.jobId(),
                CONFIG_CATCH_UP);
          }
          llmJobRunner.run(job);
        },
        STARTUP_WAIT);
  }

  @Bean(destroyMethod = "close")
  TopicPublisher<String, CameraStatus> cameraStatusPublisher(KafkaClients clients) {
    return clients.publisher(Topics.CAMERA_STATUS);
  }

  @Bean(destroyMethod = "close")
  TopicPublisher<String, MotionReading> motionReadingPublisher(KafkaClients clients) {
    return clients.largeRecordPublisher(Topics.READINGS_CAMERA);
  }

  /**
   * The production frame sources (ffmpeg for RTSP and MJPEG, ImageIO for snapshots); a test context
   * registers its own factory instead.
   */
  @Bean
  @ConditionalOnMissingBean
  FrameSourceFactory frameSourceFactory() {
    return CameraSources.factory();
  }

  /**
   * The one object detector of this collector (a Node sidecar, started on the first motion), shared
   * by every camera worker; closed with the context, which kills the sidecar.
   */
  @Bean(destroyMethod = "close")
  ReadingDetector readingDetector(DetectorSettings detector) {
    return ReadingDetector.of(detector);
  }

  @Bean
  CameraWorkers cameraWorkers(
      CollectorProperties collector,
      CameraSettings cameras,
      ReadingDetector readingDetector,
      FrameSourceFactory frameSourceFactory,
      TopicPublisher<String, CameraStatus> cameraStatusPublisher,
      TopicPublisher<String, MotionReading> motionReadingPublisher,
      Clock clock) {
    log.info("Camera workers: {}", cameras);
    return new CameraWorkers(
        collector.collectorId(),
        frameSourceFactory,
        new CameraReadingsPublisher(cameraStatusPublisher, motionReadingPublisher),
        cameras,
        readingDetector,
        clock);
  }

  /** The camera workers follow the cameras of {@code argus.config}. */
  @Bean
  CamerasListener workedCameras(CameraWorkers cameraWorkers) {
    return cameraWorkers::camerasChanged;
  }

  @Bean(destroyMethod = "close")
  TopicPublisher<String, ProtectControllerStatus> protectStatusPublisher(KafkaClients clients) {
    return clients.publisher(Topics.PROTECT_STATUS);
  }

  /**
   * The production Protect sessions (the JDK HTTP client and websocket of {@code infra/protect}); a
   * test context registers its own connector instead.
   */
  @Bean
  @ConditionalOnMissingBean
  ProtectConnector protectConnector(ProtectSettings protect) {
    return ProtectConnector.client(protect.timeouts());
  }

  @Bean
  ProtectSessions protectSessions(
      CollectorProperties collector,
      CameraSettings cameras,
      ProtectSettings protect,
      ProtectConnector protectConnector,
      TopicPublisher<String, CameraStatus> cameraStatusPublisher,
      TopicPublisher<String, MotionReading> motionReadingPublisher,
      TopicPublisher<String, ProtectControllerStatus> protectStatusPublisher,
      Clock clock) {
    log.info("Protect sessions: {}", protect);
    return new ProtectSessions(
        collector.collectorId(),
        protectConnector,
        ProtectSessions.media(
            Ffmpeg.fromEnvironment().binary(),
            cameras.maxFrameWidth(),
            cameras.thumbnailWidth(),
            clock),
        new CameraReadingsPublisher(cameraStatusPublisher, motionReadingPublisher),
        status -> protectStatusPublisher.publish(status.controllerId(), status),
        protect,
        clock);
  }

  /** The Protect sessions follow the controllers and cameras of {@code argus.config}. */
  @Bean
  ProtectListener protectedCameras(ProtectSessions protectSessions) {
    return protectSessions::protectChanged;
  }

  @Bean
  CommandReader commandReader(KafkaClients clients, PollScheduler scheduler) {
    return new CommandReader(clients::commandConsumer, scheduler::triggerPoll, STARTUP_WAIT);
  }
}
