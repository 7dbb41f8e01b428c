package dev.argus.collector.power.device;

import org.springframework.core.convert.converter.Converter;

/**
 * Lets an entry of {@code argus.collector.devices} be a plain {@code nut://} URI string, which is
 * also how Spring binds the comma-separated {@code ARGUS_COLLECTOR_DEVICES} to that list.
 *
 * <p>It only wraps the string; the URI is parsed when the settings are validated. Failing here
 * would make Spring's start-up report print the raw value, password included.
 */
public final class DeviceUriConverter implements Converter<String, DeviceProperties> {

  @Override
  public DeviceProperties convert(String source) {
    return source.isBlank() ? null : DeviceProperties.ofUri(source.trim());
  }
}
