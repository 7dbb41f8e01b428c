package dev.argus.bench.faults;

import dev.argus.bench.faults.DeadLetters.DeadLetter;
import dev.argus.bench.faults.PoisonFault.Sent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Poison records sent against the dead letters read back: each dead letter is matched to its poison
 * by the topic, partition and offset in its headers, and counted once per consumer that gave up on
 * it.
 *
 * @param matched dead letters of a poison from a consumer expected to dead-letter it (a second one
 *     of the same poison and consumer is not counted again)
 * @param missing poison and consumer with no dead letter, in words
 * @param wrongReasons dead letters whose reason lacks what it must say, in words; empty when all
 *     are right
 * @param others dead letters of no poison, or from a consumer not expected to dead-letter it
 * @param truncated matched dead letters marked as cut (with the original size)
 */
record PoisonTally(
    long matched,
    List<String> missing,
    String wrongReasons,
    List<String> others,
    List<String> truncated) {

  static PoisonTally of(List<Sent> sent, List<DeadLetter> letters) {
    Map<String, Sent> byPosition = PoisonFault.byPosition(sent);
    Set<String> seen = new HashSet<>();
    List<String> wrong = new ArrayList<>();
    List<String> others = new ArrayList<>();
    List<String> truncated = new ArrayList<>();
    for (DeadLetter letter : letters) {
      Sent poison = byPosition.get(letter.position());
      if (poison == null || !poison.poison().deadLetteredBy().contains(letter.consumer())) {
        others.add(
            letter.position() + " by " + letter.consumer() + ": " + shorten(letter.message()));
        continue;
      }
      if (!seen.add(letter.position() + " " + letter.consumer())) {
        others.add(letter.position() + " by " + letter.consumer() + " again");
        continue;
      }
      String reason = poison.poison().reason();
      if (letter.message() == null || !letter.message().contains(reason)) {
        wrong.add(
            poison.poison().name()
                + " ("
                + letter.consumer()
                + "): expected '"
                + reason
                + "', was '"
                + shorten(letter.message())
                + "'");
      }
      if (letter.truncatedFrom() != null) {
        truncated.add(letter.position() + " from " + letter.truncatedFrom() + " bytes");
      }
    }
    List<String> missing = new ArrayList<>();
    for (Sent s : sent) {
      for (String consumer : s.poison().deadLetteredBy()) {
        String position = s.poison().topic() + "-" + s.partition() + "@" + s.offset();
        if (!seen.contains(position + " " + consumer)) {
          missing.add(s.poison().name() + " by " + consumer);
        }
      }
    }
    return new PoisonTally(seen.size(), missing, String.join("; ", wrong), others, truncated);
  }

  List<String> wrongReasonsList() {
    return wrongReasons.isEmpty() ? List.of() : List.of(wrongReasons.split("; "));
  }

  private static String shorten(String message) {
    if (message == null) {
      return "(no reason)";
    }
    String line = message.replaceAll("\\s+", " ");
    return line.length() <= 200 ? line : line.substring(0, 200) + "...";
  }
}
