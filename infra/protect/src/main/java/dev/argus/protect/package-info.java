/**
 * A client of UniFi Protect controllers as the seed's system speaks to them (the protocol of the
 * {@code uiprotect} library): {@link ProtectClient} logs in (cookie and CSRF token, re-login when
 * the session expires), reads the bootstrap, fetches snapshots and clip exports (retrying 404 and
 * 502/503/504 while the controller prepares them) and subscribes to the binary updates websocket
 * ({@link UpdateFrames}); {@link ProtectSession} keeps one controller connected (reconnect backoff,
 * a forced reconnect after silence); {@link ProtectEvents} turns updates into {@link
 * ProtectDetection}s.
 */
package dev.argus.protect;
