package dev.argus.camera.source;

import java.time.Duration;

/** Connects to a camera once, reads one frame, and says what it found. */
public interface CameraTester {

  /**
   * Never throws for anything the camera does: a refused port, a 401, a 404, a timeout or garbage
   * is a {@link ConnectionResult#failure} with the reason.
   *
   * @param within the whole test's time limit (the api gives 10 s)
   */
  ConnectionResult test(SourceSpec spec, Duration within);
}
