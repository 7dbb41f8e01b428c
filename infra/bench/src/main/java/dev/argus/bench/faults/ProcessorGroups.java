package dev.argus.bench.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * The processor's consumer groups as the broker's group coordinator sees them: the Streams
 * application's ({@code argus-processor}) and the sink lanes' ({@code argus-sink}, {@code -events},
 * {@code -camera}). Which member holds which partitions, and the committed offsets that show a
 * partition's records being processed (the sink commits after its rows are written; Streams commits
 * with its transaction).
 */
final class ProcessorGroups implements AutoCloseable {

  /** The Streams application id ({@code argus.streams.application-id} of the processor). */
  static final String STREAMS = "argus-processor";

  /** The sink lane of readings (power snapshots among them). */
  static final String SINK = "argus-sink";

  static final List<String> ALL = List.of(STREAMS, SINK, SINK + "-events", SINK + "-camera");

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /**
   * One member of a group.
   *
   * @param label the process it belongs to: its {@code group.instance.id} without the Streams
   *     thread suffix, or {@code processor} for the stack's own processor, which has none
   */
  record Member(String label, Set<TopicPartition> partitions) {}

  /**
   * Every group's members, by group.
   *
   * @param states each group's state ({@code Stable} once a rebalance is over)
   */
  record Assignment(Map<String, List<Member>> groups, Map<String, GroupState> states) {

    Assignment(Map<String, List<Member>> groups) {
      this(groups, Map.of());
    }

    List<Member> members(String group) {
      return groups.getOrDefault(group, List.of());
    }

    /** The partitions of {@code topic} each member of {@code group} holds, e.g. "p-2: 0,3". */
    String partitionsOf(String group, String topic) {
      return members(group).stream()
          .sorted((a, b) -> a.label().compareTo(b.label()))
          .map(
              m ->
                  m.label()
                      + ": "
                      + m.partitions().stream()
                          .filter(p -> p.topic().equals(topic))
                          .map(p -> Integer.toString(p.partition()))
                          .sorted()
                          .collect(Collectors.joining(",", "[", "]")))
          .collect(Collectors.joining("; "));
    }

    /** Partitions of {@code topic} held in {@code group} by the member labelled {@code label}. */
    Set<TopicPartition> heldBy(String group, String label, String topic) {
      return members(group).stream()
          .filter(m -> m.label().equals(label))
          .flatMap(m -> m.partitions().stream())
          .filter(p -> p.topic().equals(topic))
          .collect(Collectors.toSet());
    }
  }

  private final Admin admin;
  private final Map<String, Integer> partitionCounts = new HashMap<>();

  ProcessorGroups(String bootstrap) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    this.admin = Admin.create(props);
  }

  Assignment now() throws Exception {
    Map<String, ConsumerGroupDescription> described =
        admin.describeConsumerGroups(ALL).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    Map<String, List<Member>> groups = new LinkedHashMap<>();
    Map<String, GroupState> states = new LinkedHashMap<>();
    for (String group : ALL) {
      states.put(group, described.get(group).groupState());
      List<Member> members = new ArrayList<>();
      for (MemberDescription member : described.get(group).members()) {
        members.add(
            new Member(
                label(member.groupInstanceId().orElse(null)),
                Set.copyOf(member.assignment().topicPartitions())));
      }
      groups.put(group, List.copyOf(members));
    }
    return new Assignment(groups, states);
  }

  /** Streams appends "-<thread>" to the instance id; the stack's processor has none. */
  static String label(String groupInstanceId) {
    if (groupInstanceId == null || groupInstanceId.isBlank()) {
      return "processor";
    }
    // The harness names instances "processor-<n>": "processor-2-1" is Streams thread 1 of it.
    return groupInstanceId.matches(".+-\\d+-\\d+")
        ? groupInstanceId.substring(0, groupInstanceId.lastIndexOf('-'))
        : groupInstanceId;
  }

  /**
   * What is wrong with a group's assignment, or empty when it has {@code members} members and every
   * partition of every topic its members hold is held by exactly one.
   */
  String problem(Assignment assignment, String group, int members) throws Exception {
    List<Member> held = assignment.members(group);
    if (held.size() != members) {
      return held.size() + " members";
    }
    // While a rebalance runs, a joining member shows no partitions yet: not an assignment.
    GroupState state = assignment.states().get(group);
    if (state != null && state != GroupState.STABLE) {
      return "state " + state;
    }
    Map<TopicPartition, Integer> owners = new HashMap<>();
    held.forEach(m -> m.partitions().forEach(p -> owners.merge(p, 1, Integer::sum)));
    List<String> doubled =
        owners.entrySet().stream()
            .filter(e -> e.getValue() > 1)
            .map(e -> e.getKey().toString())
            .toList();
    if (!doubled.isEmpty()) {
      return "assigned more than once: " + doubled;
    }
    Set<String> topics = owners.keySet().stream().map(TopicPartition::topic).collect(toTreeSet());
    if (topics.isEmpty()) {
      return "no partition assigned";
    }
    List<String> unassigned = new ArrayList<>();
    for (String topic : topics) {
      for (int p = 0; p < partitionCount(topic); p++) {
        if (!owners.containsKey(new TopicPartition(topic, p))) {
          unassigned.add(topic + "-" + p);
        }
      }
    }
    return unassigned.isEmpty() ? "" : "unassigned: " + unassigned;
  }

  /** Waits until every group has {@code members} members and a complete assignment. */
  Assignment awaitMembers(int members, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, String> problems = new TreeMap<>();
    while (true) {
      problems.clear();
      Assignment assignment;
      try {
        assignment = now();
      } catch (Exception unavailable) {
        assignment = null;
        problems.put("broker", unavailable.toString());
      }
      if (assignment != null) {
        for (String group : ALL) {
          String problem = problem(assignment, group, members);
          if (!problem.isEmpty()) {
            problems.put(group, problem);
          }
        }
        if (problems.isEmpty()) {
          return assignment;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "The processor groups did not settle on "
                + members
                + " members within "
                + timeout.toSeconds()
                + " s: "
                + problems);
      }
      Thread.sleep(250);
    }
  }

  /** The group's committed offsets of {@code partitions}; -1 for a partition without one. */
  Map<TopicPartition, Long> committed(String group, Collection<TopicPartition> partitions)
      throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    Map<TopicPartition, Long> result = new HashMap<>();
    for (TopicPartition partition : partitions) {
      OffsetAndMetadata offset = offsets.get(partition);
      result.put(partition, offset == null ? -1L : offset.offset());
    }
    return result;
  }

  private int partitionCount(String topic) throws Exception {
    Integer known = partitionCounts.get(topic);
    if (known != null) {
      return known;
    }
    TopicDescription description =
        admin
            .describeTopics(List.of(topic))
            .allTopicNames()
            .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .get(topic);
    partitionCounts.put(topic, description.partitions().size());
    return description.partitions().size();
  }

  private static java.util.stream.Collector<String, ?, TreeSet<String>> toTreeSet() {
    return Collectors.toCollection(TreeSet::new);
  }

  /** Partitions of {@code partitions} whose offset in {@code now} is past the one in {@code at}. */
  static Set<TopicPartition> moved(Map<TopicPartition, Long> at, Map<TopicPartition, Long> now) {
    Set<TopicPartition> moved = new HashSet<>();
    at.forEach(
        (partition, offset) -> {
          Long current = now.get(partition);
          if (current != null && current > offset) {
            moved.add(partition);
          }
        });
    return moved;
  }

  @Override
  public void close() {
    admin.close(TIMEOUT);
  }
}
