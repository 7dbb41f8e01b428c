package dev.argus.collector.probe;

import dev.argus.contract.config.TargetConfig;
import java.time.Duration;

/** Checks one kind of target (http/https, tcp, ping, dns). */
interface Probe {

  /**
   * Checks the target once, taking at most about {@code timeout}. Failures the check is about
   * (refused, timed out, wrong answer) are down outcomes, not exceptions; an exception is a bug or
   * a bad address and is turned into a down outcome by the caller.
   */
  ProbeOutcome check(TargetConfig target, Duration timeout) throws Exception;
}
