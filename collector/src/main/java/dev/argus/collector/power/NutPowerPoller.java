package dev.argus.collector.power;

import dev.argus.collector.nut.NutClient;
import dev.argus.collector.nut.NutClientSettings;
import dev.argus.collector.nut.NutException;
import dev.argus.collector.nut.NutServerError;
import dev.argus.collector.nut.UpsInfo;
import dev.argus.collector.power.device.NutDevice;
import dev.argus.contract.power.PowerReading;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Polls one configured NUT device over one connection and returns one reading per UPS, failed polls
 * included: it never throws for anything the device does.
 *
 * <p>A device without a UPS name is asked {@code LIST UPS} first and every UPS it lists is read.
 * The names it listed last are remembered, so that when the server later cannot be reached each of
 * those UPSes gets its failed reading; before the first successful listing a failed poll is
 * reported under the device's own id.
 *
 * <p>An {@code ERR} answer for one UPS (say {@code ERR DATA-STALE}) fails only that UPS; a broken
 * connection fails the UPSes not read yet.
 */
public final class NutPowerPoller {

  static final String POLLER = "nut";

  private final NutClientSettings clientSettings;
  private final NutVariablesMapper mapper;
  private final String collectorId;
  private final LongSupplier pollIntervalSeconds;
  private final Clock clock;
  private final Map<String, List<UpsInfo>> lastListedUps = new ConcurrentHashMap<>();

  public NutPowerPoller(
      NutClientSettings clientSettings,
      NutVariablesMapper mapper,
      String collectorId,
      long pollIntervalSeconds,
      Clock clock) {
    this(clientSettings, mapper, collectorId, () -> pollIntervalSeconds, clock);
  }

  /**
   * @param pollIntervalSeconds the interval each reading states, read at every poll: the runtime
   *     configuration may change it while the collector runs
   */
  public NutPowerPoller(
      NutClientSettings clientSettings,
      NutVariablesMapper mapper,
      String collectorId,
      LongSupplier pollIntervalSeconds,
      Clock clock) {
    this.clientSettings = clientSettings;
    this.mapper = mapper;
    this.collectorId = collectorId;
    this.pollIntervalSeconds = pollIntervalSeconds;
    this.clock = clock;
  }

  /** Reads every UPS of the device; one reading each, failed or not. */
  public List<PowerReading> poll(NutDevice device) {
    NutClient client;
    try {
      client = NutClient.connect(device.host(), device.port(), clientSettings);
    } catch (NutException e) {
      return failedReadings(device, e.getMessage());
    }
    try (client) {
      if (device.username() != null) {
        client.authenticate(device.username(), device.password());
      }
      List<UpsInfo> upses =
          device.discoversUps()
              ? listUps(client, device)
              : List.of(new UpsInfo(device.ups(), null));
      if (upses.isEmpty()) {
        return failedReadings(device, client.server() + " serves no UPS (LIST UPS is empty)");
      }
      return readAll(client, device, upses);
    } catch (NutException e) {
      return failedReadings(device, e.getMessage());
    }
  }

  /**
   * The failed readings for a poll of {@code device} that did not complete, e.g. because it ran
   * past its deadline: one per UPS the device is known to serve.
   */
  public List<PowerReading> failedReadings(NutDevice device, String error) {
    if (!device.discoversUps()) {
      return List.of(
          identity(device, new UpsInfo(device.ups(), null)).failed(clock.instant(), error));
    }
    List<UpsInfo> known = lastListedUps.getOrDefault(device.id(), List.of());
    if (known.isEmpty()) {
      return List.of(
          new ReadingIdentity(
                  POLLER,
                  device.id(),
                  device.type(),
                  device.name(),
                  device.host(),
                  device.port(),
                  collectorId,
                  pollIntervalSeconds.getAsLong())
              .failed(clock.instant(), error));
    }
    return known.stream().map(ups -> identity(device, ups).failed(clock.instant(), error)).toList();
  }

  private List<UpsInfo> listUps(NutClient client, NutDevice device) throws NutException {
    List<UpsInfo> upses = client.listUps();
    lastListedUps.put(device.id(), List.copyOf(upses));
    return upses;
  }

  private List<PowerReading> readAll(NutClient client, NutDevice device, List<UpsInfo> upses) {
    List<PowerReading> readings = new ArrayList<>();
    for (int i = 0; i < upses.size(); i++) {
      ReadingIdentity identity = identity(device, upses.get(i));
      try {
        Map<String, String> variables = client.listVariables(upses.get(i).name());
        readings.add(mapper.toReading(identity, variables, clock.instant()));
      } catch (NutServerError e) {
        readings.add(identity.failed(clock.instant(), e.getMessage()));
      } catch (NutException e) {
        // The connection is no longer usable: every UPS not read yet fails with the same cause.
        for (UpsInfo unread : upses.subList(i, upses.size())) {
          readings.add(identity(device, unread).failed(clock.instant(), e.getMessage()));
        }
        return readings;
      }
    }
    logOutQuietly(client);
    return readings;
  }

  private ReadingIdentity identity(NutDevice device, UpsInfo ups) {
    boolean discovered = device.discoversUps();
    String deviceId = discovered ? device.idFor(ups.name()) : device.id();
    return new ReadingIdentity(
        POLLER,
        deviceId,
        device.type(),
        discovered ? discoveredName(device, ups) : device.name(),
        device.host(),
        device.port(),
        collectorId,
        pollIntervalSeconds.getAsLong());
  }

  /** A configured name gets the UPS name appended; otherwise upsd's description of the UPS. */
  private static String discoveredName(NutDevice device, UpsInfo ups) {
    if (device.name() != null) {
      return device.name() + " (" + ups.name() + ")";
    }
    return ups.description() == null || ups.description().isBlank() ? null : ups.description();
  }

  private static void logOutQuietly(NutClient client) {
    try {
      client.logout();
    } catch (NutException ignored) {
      // The readings are taken; a server that mishandles LOGOUT changes nothing about them.
    }
  }
}
