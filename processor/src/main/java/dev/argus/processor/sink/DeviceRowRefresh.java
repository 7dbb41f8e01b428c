package dev.argus.processor.sink;

import dev.argus.contract.power.DeviceMetadata;
import dev.argus.contract.power.PowerReading;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides which device rows a batch must upsert. A device's row changes when it is new to this
 * sink, when what it reports about itself changes (name, type, host, metadata), or when its {@code
 * last_seen} would move by at least the resolution; otherwise the snapshot row already says the
 * device was seen, and upserting the device too would double the sink's writes (the benchmark found
 * a device upsert for nearly every reading, since a batch rarely holds one device twice).
 *
 * <p>What was written is remembered only after the transaction commits ({@link #committed}), so a
 * rolled-back batch is written again in full. The memory is per sink and starts empty, so a
 * restarted sink refreshes every device once. {@code last_seen} therefore lags the newest snapshot
 * by less than the resolution; zero writes every batch.
 */
final class DeviceRowRefresh {

  private final Duration resolution;
  private final Map<String, Written> written = new HashMap<>();

  DeviceRowRefresh(Duration resolution) {
    this.resolution = resolution;
  }

  /** Of the newest successful reading per device, those whose device row must be written. */
  List<PowerReading> due(Collection<PowerReading> newest) {
    return newest.stream().filter(this::isDue).toList();
  }

  /** Remembers rows that are now committed. */
  void committed(Collection<PowerReading> rows) {
    for (PowerReading r : rows) {
      written.put(r.deviceId(), Written.of(r));
    }
  }

  private boolean isDue(PowerReading reading) {
    Written last = written.get(reading.deviceId());
    if (last == null || !last.describesSame(reading)) {
      return true;
    }
    return !reading.timestamp().isBefore(last.lastSeen().plus(resolution));
  }

  private record Written(
      Instant lastSeen,
      String name,
      String type,
      String poller,
      String host,
      Integer port,
      DeviceMetadata metadata) {

    static Written of(PowerReading r) {
      return new Written(
          r.timestamp(),
          r.deviceName(),
          r.deviceType(),
          r.poller(),
          r.host(),
          r.port(),
          r.metadata());
    }

    boolean describesSame(PowerReading r) {
      return Objects.equals(name, r.deviceName())
          && Objects.equals(type, r.deviceType())
          && Objects.equals(poller, r.poller())
          && Objects.equals(host, r.host())
          && Objects.equals(port, r.port())
          && Objects.equals(metadata, r.metadata());
    }
  }
}
