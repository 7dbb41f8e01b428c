package dev.argus.protect;

/**
 * @param message for people: {@code Connected to NVR 'x' (version y), 4 cameras} or why not
 * @param nvrName null unless the login and bootstrap succeeded
 */
public record ProtectTestResult(
    boolean success, String message, String nvrName, String nvrVersion, Integer camerasFound) {}
