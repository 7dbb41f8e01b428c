package dev.argus.collector.power.device;

/** A configured device, whatever protocol it is polled with. */
public sealed interface Device permits NutDevice, SnmpDevice {

  /** The device id every reading is keyed by. */
  String id();

  String name();

  String host();

  int port();

  /** {@code ups} or {@code pdu}. */
  String type();

  boolean enabled();
}
