package dev.argus.collector.power;

import dev.argus.collector.power.device.Device;
import dev.argus.collector.power.device.NutDevice;
import dev.argus.collector.power.device.SnmpDevice;
import dev.argus.contract.power.PowerReading;
import java.util.List;

/** Polls a device with the poller of its protocol: one reading per UPS (NUT) or device (SNMP). */
public final class PowerPoller {

  private final NutPowerPoller nut;
  private final SnmpPowerPoller snmp;

  public PowerPoller(NutPowerPoller nut, SnmpPowerPoller snmp) {
    this.nut = nut;
    this.snmp = snmp;
  }

  /** The readings of one poll, failed or not; never throws for anything the device does. */
  public List<PowerReading> poll(Device device) {
    return switch (device) {
      case NutDevice nutDevice -> nut.poll(nutDevice);
      case SnmpDevice snmpDevice -> List.of(snmp.poll(snmpDevice));
    };
  }

  /** The failed readings of a poll that did not complete, e.g. because it ran past its deadline. */
  public List<PowerReading> failedReadings(Device device, String error) {
    return switch (device) {
      case NutDevice nutDevice -> nut.failedReadings(nutDevice, error);
      case SnmpDevice snmpDevice -> List.of(snmp.failedReading(snmpDevice, error));
    };
  }
}
