package dev.argus.api.protect;

/** A controller's settings as stored: checked, defaults applied; the password is kept apart. */
record ProtectControllerSettings(
    String name,
    String host,
    int port,
    String username,
    boolean verifySsl,
    boolean enabled,
    String collector) {}
