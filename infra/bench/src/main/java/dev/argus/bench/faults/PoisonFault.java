package dev.argus.bench.faults;

import dev.argus.bench.BenchStack;
import dev.argus.bench.faults.DeadLetters.DeadLetter;
import dev.argus.bench.faults.PoisonRecords.Poison;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Poison records ({@link PoisonRecords}) on every input topic of the processor, produced under the
 * steady load. Checks: each poison is dead-lettered by each consumer that reads its topic, with
 * headers naming its topic, partition and offset and a reason that says what is wrong (and a value
 * cut to the dead-letter topic's limit says so); each is counted in the processor's log (the
 * Streams handler's and the sink's counters log every record they set aside, by topic, partition
 * and offset), and the api's alert consumer counts those of {@code argus.events}; a record whose
 * only fault is its key is stored; nothing else is dead-lettered; and no service restarted (the
 * same pids before and after). The load's counts, checked by {@link FaultUnderLoad}, must be exact.
 */
final class PoisonFault implements Fault {

  /** How long the dead letters may take to appear once the load has drained. */
  private static final Duration DEAD_LETTER_WAIT = Duration.ofSeconds(90);

  private final String prefix;
  private Map<String, Long> pidsBefore = Map.of();
  private long deadLettersFrom;
  private final List<Sent> sent = new ArrayList<>();

  /** A poison and where the broker put it. */
  record Sent(Poison poison, int partition, long offset) {}

  PoisonFault(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public String name() {
    return "poison";
  }

  @Override
  public String process() {
    // No process is hit: the recovery watch then reports no restart, as it should.
    return "processor";
  }

  @Override
  public String description() {
    List<Poison> all = PoisonRecords.all(prefix, Instant.EPOCH);
    return all.size()
        + " poison records on the "
        + PoisonRecords.topics(all).size()
        + " input topics of the processor ("
        + String.join(", ", PoisonRecords.topics(all))
        + "): malformed JSON, the wrong type, numbers out of range, an unknown schema_version,"
        + " ids too long to store, a 2 MB value, a null and a garbage key";
  }

  @Override
  public void prepare(BenchStack stack, PrintStream out) {
    pidsBefore = Map.copyOf(stack.jvmPids());
    deadLettersFrom = DeadLetters.endOffset(stack.kafkaBootstrap());
    out.printf(
        "[poison] pids %s; argus.deadletter ends at offset %d%n", pidsBefore, deadLettersFrom);
  }

  @Override
  public CompletableFuture<Void> inject(BenchStack stack, PrintStream out) throws Exception {
    List<Poison> poison = PoisonRecords.all(prefix, Instant.now());
    try (RawProducer producer = new RawProducer(stack.kafkaBootstrap())) {
      List<Future<RecordMetadata>> futures = new ArrayList<>();
      for (Poison p : poison) {
        futures.add(producer.send(p.topic(), p.key(), p.value()));
      }
      producer.flush();
      for (int i = 0; i < poison.size(); i++) {
        RecordMetadata metadata = futures.get(i).get();
        sent.add(new Sent(poison.get(i), metadata.partition(), metadata.offset()));
      }
    }
    out.printf("[poison] produced %d poison records%n", sent.size());
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public List<Check> verify(BenchStack stack, PrintStream out) throws Exception {
    long expected = sent.stream().mapToLong(s -> s.poison().deadLetteredBy().size()).sum();
    List<DeadLetter> letters = awaitDeadLetters(stack, expected, out);
    PoisonTally tally = PoisonTally.of(sent, letters);
    String processorLog = read(stack.logFile("processor"));
    String apiLog = read(stack.logFile("api"));
    List<Check> checks = new ArrayList<>();
    checks.add(
        Check.count(
            "dead letters, one per poison record and consumer that reads its topic",
            expected,
            tally.matched()));
    checks.add(
        Check.of(
            "each dead letter's reason says what is wrong",
            "every reason as expected",
            tally.wrongReasons().isEmpty() ? "every reason as expected" : tally.wrongReasons(),
            tally.wrongReasons().isEmpty()));
    checks.add(
        Check.of(
            "poison without a dead letter",
            "none",
            tally.missing().isEmpty() ? "none" : String.join("; ", tally.missing()),
            tally.missing().isEmpty()));
    checks.add(
        Check.of(
            "other dead letters since the scenario began (of the load, or derived from poison)",
            "none",
            tally.others().isEmpty() ? "none" : String.join("; ", tally.others()),
            tally.others().isEmpty()));
    checks.add(truncation(tally));
    checks.add(counted(processorLog, apiLog));
    checks.add(storedDespiteKey(stack));
    Map<String, Long> pidsAfter = stack.jvmPids();
    checks.add(
        Check.of(
            "services restarted (pids before and after)",
            "none: " + pidsBefore,
            pidsAfter.equals(pidsBefore) ? "none: " + pidsAfter : "changed: " + pidsAfter,
            pidsAfter.equals(pidsBefore)));
    out.printf("[poison] %d of %d dead letters matched%n", tally.matched(), expected);
    return checks;
  }

  private List<DeadLetter> awaitDeadLetters(BenchStack stack, long expected, PrintStream out)
      throws InterruptedException {
    long deadline = System.nanoTime() + DEAD_LETTER_WAIT.toNanos();
    while (true) {
      List<DeadLetter> letters = DeadLetters.readFrom(stack.kafkaBootstrap(), deadLettersFrom);
      long matched = PoisonTally.of(sent, letters).matched();
      if (matched >= expected || System.nanoTime() > deadline) {
        return letters;
      }
      out.printf("    ... %d of %d dead letters%n", matched, expected);
      Thread.sleep(2_000);
    }
  }

  private Check truncation(PoisonTally tally) {
    List<String> cut = tally.truncated();
    long huge =
        sent.stream()
            .filter(s -> s.poison().value() != null)
            .filter(s -> s.poison().value().length > 256 * 1024)
            .mapToLong(s -> s.poison().deadLetteredBy().size())
            .sum();
    return Check.count(
        "dead letters of a value beyond the topic's limit, cut and marked"
            + " argus.errors.value.truncated",
        huge,
        cut.size());
  }

  /**
   * The Streams handler logs "Skipping malformed record t-p@o (n so far)", the sink "Malformed
   * record t-p@o will be dead-lettered", the api's alert consumer "Skipping unreadable record
   * t-p@o": each with the counter it adds to.
   */
  private Check counted(String processorLog, String apiLog) {
    List<String> uncounted = new ArrayList<>();
    long expected = 0;
    for (Sent s : sent) {
      String at = s.poison().topic() + "-" + s.partition() + "@" + s.offset();
      for (String consumer : s.poison().deadLetteredBy()) {
        expected++;
        String line =
            consumer.equals(PoisonRecords.STREAMS)
                ? "Skipping malformed record " + at + " "
                : "Malformed record " + at + " will be dead-lettered";
        // The sink's three lanes log alike; the topic says which lane read it.
        if (!processorLog.contains(line)) {
          uncounted.add(consumer + " " + at);
        }
      }
      if (s.poison().topic().equals(dev.argus.contract.Topics.EVENTS.name())) {
        expected++;
        if (!apiLog.contains("Skipping unreadable record " + at + ":")) {
          uncounted.add("api " + at);
        }
      }
    }
    return Check.of(
        "counted in the processor's log (and the api's, for argus.events)",
        expected + " counted",
        uncounted.isEmpty()
            ? expected + " counted"
            : (expected - uncounted.size()) + " counted; not: " + String.join(", ", uncounted),
        uncounted.isEmpty());
  }

  private Check storedDespiteKey(BenchStack stack) throws SQLException {
    List<String> devices =
        sent.stream()
            .map(Sent::poison)
            .filter(Poison::mustBeStored)
            .map(Poison::storedDeviceId)
            .toList();
    long stored = 0;
    try (Connection db = stack.connect();
        PreparedStatement statement =
            db.prepareStatement("SELECT count(*) FROM power_snapshots WHERE device_id = ?")) {
      for (String device : devices) {
        statement.setString(1, device);
        try (ResultSet rows = statement.executeQuery()) {
          rows.next();
          stored += rows.getLong(1);
        }
      }
    }
    return Check.count(
        "valid readings with a null or garbage key, stored under their device_id",
        devices.size(),
        stored);
  }

  private static String read(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  /** Every dead letter as its poison record, by (topic, partition, offset, consumer). */
  static Map<String, Sent> byPosition(List<Sent> sent) {
    Map<String, Sent> positions = new LinkedHashMap<>();
    for (Sent s : sent) {
      positions.put(s.poison().topic() + "-" + s.partition() + "@" + s.offset(), s);
    }
    return positions;
  }
}
