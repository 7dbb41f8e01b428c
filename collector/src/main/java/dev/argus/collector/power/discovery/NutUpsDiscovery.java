package dev.argus.collector.power.discovery;

import dev.argus.collector.nut.NutClient;
import dev.argus.collector.nut.NutClientSettings;
import dev.argus.collector.nut.NutException;
import dev.argus.collector.nut.UpsInfo;
import dev.argus.collector.power.device.NutDevice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the UPSes a NUT server serves ({@code LIST UPS}) and turns each into a NUT device whose id
 * is the UPS name, for the runtime configuration's discovery ({@code scanning_disabled=false} with
 * a {@code nut_host}).
 *
 * <p>When the server cannot be asked, the UPSes it listed last are returned again: their polls then
 * fail and say why, so the outage shows as failed readings rather than as devices that silently
 * vanished.
 */
public final class NutUpsDiscovery {

  private static final Logger log = LoggerFactory.getLogger(NutUpsDiscovery.class);

  private final NutClientSettings clientSettings;
  private NutServer lastServer;
  private List<String> lastListed = List.of();
  private String lastProblem;

  public NutUpsDiscovery(NutClientSettings clientSettings) {
    this.clientSettings = clientSettings;
  }

  /**
   * The UPSes of {@code server} as devices, except those whose id is in {@code takenIds} (a
   * configured device of the same id wins).
   */
  public synchronized List<NutDevice> discover(NutServer server, Collection<String> takenIds) {
    if (!server.equals(lastServer)) {
      lastServer = server;
      lastListed = List.of();
    }
    try {
      lastListed = listUps(server);
      if (lastProblem != null) {
        log.info("Discovery on {}:{} works again", server.host(), server.port());
        lastProblem = null;
      }
    } catch (NutException e) {
      if (!e.getMessage().equals(lastProblem)) {
        log.warn(
            "Discovery: cannot list the UPSes of {}:{}: {}; polling the {} UPS(es) it listed last",
            server.host(),
            server.port(),
            e.getMessage(),
            lastListed.size());
        lastProblem = e.getMessage();
      }
    }
    Set<String> taken = Set.copyOf(takenIds);
    List<NutDevice> devices = new ArrayList<>();
    for (String ups : lastListed) {
      if (taken.contains(ups)) {
        continue;
      }
      try {
        devices.add(
            NutDevice.of(
                ups,
                null,
                server.host(),
                server.port(),
                ups,
                server.username(),
                server.password(),
                null,
                true));
      } catch (IllegalArgumentException e) {
        log.warn(
            "Discovery: UPS '{}' of {}:{} is not polled: {}",
            ups,
            server.host(),
            server.port(),
            e.getMessage());
      }
    }
    return devices;
  }

  private List<String> listUps(NutServer server) throws NutException {
    try (NutClient client = NutClient.connect(server.host(), server.port(), clientSettings)) {
      if (server.username() != null) {
        client.authenticate(server.username(), server.password());
      }
      List<String> names = client.listUps().stream().map(UpsInfo::name).toList();
      if (!names.equals(lastListed)) {
        log.info(
            "Discovery: {}:{} serves {}",
            server.host(),
            server.port(),
            names.isEmpty() ? "no UPS" : names.stream().collect(Collectors.joining(", ")));
      }
      try {
        client.logout();
      } catch (NutException ignored) {
        // The list is read; a server that mishandles LOGOUT changes nothing about it.
      }
      return names;
    }
  }
}
