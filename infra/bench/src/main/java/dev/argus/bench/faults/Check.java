package dev.argus.bench.faults;

/**
 * One thing a scenario checks beside the counts (the api answered 503 with a detail, one delivery
 * per alert, the partitions spread again): what was expected, what was seen, and whether they
 * agree. A scenario passes only when every check does.
 *
 * @param name what is checked, in words ("api during the outage")
 * @param expected what should be seen ("503 with a detail")
 * @param observed what was seen ("503 {\"detail\": \"The database is unavailable...\"}")
 * @param passed whether {@code observed} is what was expected
 */
public record Check(String name, String expected, String observed, boolean passed) {

  public static Check of(String name, String expected, String observed, boolean passed) {
    return new Check(name, expected, observed, passed);
  }

  /** A check of a count: passes when {@code observed == expected}. */
  public static Check count(String name, long expected, long observed) {
    return new Check(name, Long.toString(expected), Long.toString(observed), expected == observed);
  }
}
