package dev.argus.protect;

import java.time.Duration;

/** {@code POST /api/v1/protect/controllers/test}: log in and read the bootstrap, within a limit. */
public final class ProtectConnectionTest {

  private ProtectConnectionTest() {}

  public static ProtectTestResult run(ProtectEndpoint endpoint, Duration within) {
    throw new UnsupportedOperationException("not yet");
  }
}
