package dev.argus.api.ai;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Why the chain is called, for the {@code ai_usage} rows of its calls: the ledger's interface has
 * no room for it (the chain knows nothing of events), so the caller binds it to its thread around
 * the call, and the ledger reads it there (the chain records each call on the thread that called
 * it).
 *
 * @param purpose {@code event}, {@code reanalyse}, {@code describe} or {@code refine_prompt}
 * @param eventId the camera event described, null for the others
 */
record CallPurpose(String purpose, UUID eventId) {

  static final String EVENT = "event";
  static final String REANALYSE = "reanalyse";
  static final String DESCRIBE = "describe";
  static final String REFINE_PROMPT = "refine_prompt";

  private static final ThreadLocal<CallPurpose> CURRENT = new ThreadLocal<>();

  /** Runs {@code call} with this purpose bound to the thread. */
  <T> T during(Supplier<T> call) {
    CallPurpose outer = CURRENT.get();
    CURRENT.set(this);
    try {
      return call.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /**
   * The purpose bound on this thread; {@code describe} with no event when none is (a call the api
   * did not start through {@link #during}).
   */
  static CallPurpose current() {
    CallPurpose bound = CURRENT.get();
    return bound != null ? bound : new CallPurpose(DESCRIBE, null);
  }
}
