package dev.argus.contract.power;

/** What a device says about itself; any field may be unknown (null). */
public record DeviceMetadata(String manufacturer, String model, String firmware, String serial) {

  public static final DeviceMetadata UNKNOWN = new DeviceMetadata(null, null, null, null);
}
