package dev.argus.bench.faults;

/**
 * One kind of the mixed load counted like the power readings: what was sent (or must be derived)
 * against the rows of its table and against the committed records of its topic, by natural key.
 *
 * @param kind what is counted, in words ("probe results")
 * @param table the table and its natural key ("probe_results (target_id, ts)")
 * @param stored expected keys against the table's rows
 * @param topic the topic read back with {@code read_committed}
 * @param onTopic expected keys against the topic's records: a doubled record shows only here
 */
public record KindTally(String kind, String table, Tally stored, String topic, Tally onTopic) {

  /** Nothing missing, doubled or invented, in the table or on the topic. */
  public boolean exact() {
    return stored.exact() && onTopic.exact();
  }
}
