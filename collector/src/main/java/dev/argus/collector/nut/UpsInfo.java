package dev.argus.collector.nut;

/** One UPS served by an upsd, as {@code LIST UPS} reports it. */
public record UpsInfo(String name, String description) {}
